import type { SolveOutcome } from '../app/useSolve';
import { CostChart } from './CostChart';
import { CostSummary } from './CostSummary';
import { DownloadModelButton } from './DownloadModelButton';
import { ModelInfo } from './ModelInfo';
import { PlacementTable } from './PlacementTable';
import { PlanStatusBadge } from './PlanStatusBadge';
import { SiteUsageTable } from './SiteUsageTable';

/** The outcome of a solve: status, cost against today, where everything goes, and the model's size. */
export function PlanResult({ outcome }: { outcome: SolveOutcome }) {
  const { plan, scenario } = outcome;
  // Only a placement the evaluator accepted is priced and listed; an infeasible plan shows its reason.
  const hasPlacement = (plan.status === 'optimal' || plan.status === 'feasible') && Object.keys(plan.placement).length > 0;
  return (
    <section className="card plan-result" aria-labelledby="plan-result-title">
      <div className="card-heading">
        <h2 id="plan-result-title">Plan</h2>
        <PlanStatusBadge status={plan.status} />
      </div>
      {plan.message && (
        <p className={`plan-message plan-message-${plan.status}`} data-testid="plan-message">
          {plan.message.charAt(0).toUpperCase() + plan.message.slice(1)}
        </p>
      )}

      <CostSummary plan={plan} hasPlacement={hasPlacement} />
      {plan.statusQuo.violations.length > 0 && (
        <div className="note warning-note">
          <strong>Today’s layout breaks {plan.statusQuo.violations.length === 1 ? 'a rule' : `${plan.statusQuo.violations.length} rules`}:</strong>
          <ul>
            {plan.statusQuo.violations.map((v) => (
              <li key={v.message}>{v.message}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>Monthly cost</h3>
      <CostChart statusQuo={plan.statusQuo.cost} optimised={hasPlacement ? plan.cost : null} />

      {hasPlacement && (
        <>
          <h3>Placement</h3>
          <PlacementTable scenario={scenario} plan={plan} />

          <h3>Servers per site</h3>
          <SiteUsageTable scenario={scenario} plan={plan} />
        </>
      )}

      <h3>Model</h3>
      <div className="model-row">
        <ModelInfo plan={plan} />
        <DownloadModelButton document={outcome.document} scenarioName={scenario.name} />
      </div>
    </section>
  );
}
