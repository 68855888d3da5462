import type { Scenario } from '../planner';
import { ApplicationCard } from './ApplicationCard';
import { NetworkLinksTable } from './NetworkLinksTable';
import { SitesTable } from './SitesTable';
import { UserRegionsTable } from './UserRegionsTable';

function PricingNote({ scenario }: { scenario: Scenario }) {
  const { asOf, sources, hoursPerMonth, currency } = scenario.pricing;
  return (
    <div className="pricing-note">
      <p>
        Prices in {currency} as of <time dateTime={asOf}>{asOf}</time>; hourly prices count {hoursPerMonth} hours per month.
      </p>
      {sources.length > 0 ? (
        <details>
          <summary>Price sources ({sources.length})</summary>
          <ul>
            {sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">No price sources given.</p>
      )}
    </div>
  );
}

function ExtrasNote({ scenario }: { scenario: Scenario }) {
  const notes: string[] = [];
  if (scenario.security)
    notes.push(`Security policy: ${scenario.security.zones.length} zones, ${scenario.security.rules.length} rules, default ${scenario.security.defaultAction}.`);
  if (scenario.demand) {
    const periods = scenario.demand.profiles[0]?.values.length ?? 0;
    notes.push(`Demand: ${scenario.demand.profiles.length} profiles of ${periods} periods × ${scenario.demand.periodMinutes} min.`);
  }
  if (notes.length === 0) return null;
  return (
    <ul className="plain-list note">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** Everything the scenario says, read-only: sites, network, users, applications, prices. */
export function ScenarioOverview({ scenario }: { scenario: Scenario }) {
  const componentCount = scenario.applications.reduce((n, a) => n + a.components.length, 0);
  return (
    <section className="card" aria-labelledby="scenario-overview-title">
      <div className="card-heading">
        <h2 id="scenario-overview-title">Scenario</h2>
        <span className="muted">
          {scenario.sites.length} sites · {scenario.userRegions.length} user regions · {scenario.applications.length} applications ·{' '}
          {componentCount} components
        </span>
      </div>
      {scenario.description && <p className="scenario-description">{scenario.description}</p>}
      <PricingNote scenario={scenario} />
      <ExtrasNote scenario={scenario} />

      <h3>Sites</h3>
      <SitesTable scenario={scenario} />

      <h3>Network</h3>
      <NetworkLinksTable scenario={scenario} />

      <h3>User regions</h3>
      <UserRegionsTable scenario={scenario} />

      <h3>Applications</h3>
      {scenario.applications.map((application) => (
        <ApplicationCard key={application.id} scenario={scenario} application={application} />
      ))}
    </section>
  );
}
