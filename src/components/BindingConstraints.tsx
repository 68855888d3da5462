import { formatInteger, formatMs, formatPercent } from '../app/format';
import type { Scenario } from '../planner';
import type { LayoutEvaluation } from '../planner/evaluate/evaluateLayout';

/** Slack below which a bound counts as binding. */
const MEAN_SLACK_MS = 1;
const P95_SLACK_RATIO = 0.01;
const LINK_BINDING_UTILISATION = 0.99;

interface Binding {
  kind: 'capacity' | 'meanDelay' | 'p95Delay' | 'bandwidth';
  text: string;
}

/** The constraints the evaluated layout sits on: full sites, delay bounds with (almost) no slack, saturated links. */
export function bindingConstraints(scenario: Scenario, evaluation: LayoutEvaluation): Binding[] {
  const siteName = new Map(scenario.sites.map((s) => [s.id, s.name]));
  const transactionName = new Map(scenario.applications.flatMap((a) => a.transactions.map((t) => [t.id, t.name])));
  const regionName = new Map(scenario.userRegions.map((r) => [r.id, r.name]));
  const out: Binding[] = [];
  for (const site of scenario.sites) {
    const servers = evaluation.serversBySite[site.id] ?? 0;
    const vcpus = evaluation.vcpusBySite[site.id] ?? 0;
    if (site.capacity.servers !== undefined && servers > 0 && servers >= site.capacity.servers)
      out.push({ kind: 'capacity', text: `${site.name} is full: ${formatInteger(servers)} of ${formatInteger(site.capacity.servers)} servers` });
    if (site.capacity.vcpus !== undefined && vcpus > 0 && vcpus >= site.capacity.vcpus)
      out.push({ kind: 'capacity', text: `${site.name} uses all ${formatInteger(site.capacity.vcpus)} vCPUs` });
  }
  for (const d of evaluation.delays) {
    const what = `${transactionName.get(d.transactionId) ?? d.transactionId} for ${regionName.get(d.regionId) ?? d.regionId} users`;
    const { maxMeanIncreaseMs, maxP95Ms } = d.bounds;
    if (maxMeanIncreaseMs !== undefined && maxMeanIncreaseMs - d.meanIncreaseMs < MEAN_SLACK_MS)
      out.push({ kind: 'meanDelay', text: `${what}: the mean rises by ${formatMs(d.meanIncreaseMs)}, its bound is +${formatMs(maxMeanIncreaseMs)}` });
    if (maxP95Ms !== undefined && maxP95Ms - d.p95Ms < P95_SLACK_RATIO * maxP95Ms)
      out.push({ kind: 'p95Delay', text: `${what}: the p95 is ${formatMs(d.p95Ms)}, its bound is ${formatMs(maxP95Ms)}` });
  }
  for (const link of evaluation.links) {
    if (link.utilisation > LINK_BINDING_UTILISATION)
      out.push({
        kind: 'bandwidth',
        text: `The link ${siteName.get(link.from) ?? link.from} → ${siteName.get(link.to) ?? link.to} is ${formatPercent(link.utilisation)} used`,
      });
  }
  return out;
}

const SHOWN = 6;
const TAG: Record<Binding['kind'], string> = { capacity: 'capacity', bandwidth: 'bandwidth', meanDelay: 'mean', p95Delay: 'p95' };

function BindingList({ items }: { items: Binding[] }) {
  return (
    <ul className="binding-list">
      {items.map((b, i) => (
        <li key={i} data-testid="binding-constraint" data-kind={b.kind}>
          <span className={`tag tag-binding-${b.kind}`}>{TAG[b.kind]}</span> {b.text}
        </li>
      ))}
    </ul>
  );
}

/** "What limits this plan": the binding constraints as a short list. */
export function BindingConstraints({ scenario, evaluation }: { scenario: Scenario; evaluation: LayoutEvaluation }) {
  const binding = bindingConstraints(scenario, evaluation);
  return (
    <div className="binding">
      <h3>What limits this plan</h3>
      {binding.length === 0 ? (
        <p className="note">No capacity, response-time or bandwidth limit binds: only prices and placement rules shape this layout.</p>
      ) : (
        <>
          <BindingList items={binding.slice(0, SHOWN)} />
          {binding.length > SHOWN && (
            <details className="binding-more">
              <summary>{binding.length - SHOWN} more</summary>
              <BindingList items={binding.slice(SHOWN)} />
            </details>
          )}
        </>
      )}
    </div>
  );
}
