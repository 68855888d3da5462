import type { SolveOutcome } from '../app/useSolve';
import { BaselineComparison } from './BaselineComparison';
import { DelaysTable } from './DelaysTable';
import { LinkUtilisation } from './LinkUtilisation';
import { PlanSummary } from './PlanSummary';
import { ServersBySiteTable } from './ServersBySiteTable';
import { TopologyView } from './TopologyView';

/** The outcome of a solve: the summary, the baselines, and (when there is a layout) where everything runs and how fast. */
export function PlanResult({ outcome }: { outcome: SolveOutcome }) {
  const { plan, scenario } = outcome;
  // Only a layout the evaluator accepted is shown; an infeasible plan shows its reasons.
  const evaluation = (plan.status === 'optimal' || plan.status === 'feasible') && plan.layout ? plan.evaluation : undefined;
  return (
    <>
      <PlanSummary outcome={outcome} />
      <section className="card" aria-labelledby="baselines-title">
        <h2 id="baselines-title">Cost against the baselines</h2>
        <p className="muted small">Every layout is priced by the same independent evaluator; savings are against the status quo.</p>
        <BaselineComparison outcome={outcome} />
      </section>
      {evaluation && plan.layout && (
        <>
          <section className="card" aria-labelledby="layout-title" data-testid="plan-layout">
            <h2 id="layout-title">Layout</h2>
            <h3>Servers per component and site</h3>
            <ServersBySiteTable scenario={scenario} servers={plan.layout.servers} />
            <h3>Application topology</h3>
            <TopologyView scenario={scenario} servers={plan.layout.servers} />
          </section>
          <section className="card" aria-labelledby="delays-title">
            <h2 id="delays-title">Response times</h2>
            <p className="muted small">In milliseconds, today (status quo) and with this plan, per transaction and user region, against the scenario’s bounds.</p>
            <DelaysTable scenario={scenario} evaluation={evaluation} />
          </section>
          <section className="card" aria-labelledby="links-title">
            <h2 id="links-title">Network links</h2>
            <LinkUtilisation scenario={scenario} evaluation={evaluation} />
          </section>
        </>
      )}
    </>
  );
}
