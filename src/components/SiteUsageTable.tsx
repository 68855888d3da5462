import type { PlacementPlan, Scenario } from '../planner';
import { formatInteger, formatMoney, formatPercent } from '../app/format';
import { SiteName } from './SiteName';

/** Servers per site today and in the plan, against each site's capacity, and the plan's monthly cost there. */
export function SiteUsageTable({ scenario, plan }: { scenario: Scenario; plan: PlacementPlan }) {
  const today: Record<string, number> = {};
  for (const c of scenario.applications.flatMap((a) => a.components)) today[c.homeSite] = (today[c.homeSite] ?? 0) + c.servers;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Servers per site</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col" className="num">Servers today</th>
            <th scope="col" className="num">Servers planned</th>
            <th scope="col" className="num">Capacity</th>
            <th scope="col">Use of capacity</th>
            <th scope="col" className="num">Planned cost per month</th>
          </tr>
        </thead>
        <tbody>
          {scenario.sites.map((site) => {
            const planned = plan.serversBySite[site.id] ?? 0;
            const capacity = site.capacity.servers;
            const ratio = capacity !== undefined && capacity > 0 ? planned / capacity : null;
            const cost = plan.cost.bySite[site.id];
            const siteTotal = cost ? cost.servers + cost.storage + cost.transfer : 0;
            return (
              <tr key={site.id} data-testid="site-usage-row" data-site={site.id}>
                <th scope="row">
                  <SiteName scenario={scenario} siteId={site.id} />
                </th>
                <td className="num">{formatInteger(today[site.id] ?? 0)}</td>
                <td className="num">{formatInteger(planned)}</td>
                <td className="num">{capacity !== undefined ? formatInteger(capacity) : <span className="muted">unlimited</span>}</td>
                <td>
                  {ratio !== null ? (
                    <span className="usage">
                      <meter min={0} max={1} low={0.75} high={0.95} optimum={0.5} value={Math.min(ratio, 1)} aria-label={`${site.name} capacity used`} />
                      <span className="figure">{formatPercent(ratio)}</span>
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">{formatMoney(siteTotal)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
