import type { PlacementPlan } from '../planner';
import { formatMoney, formatPercent } from '../app/format';

/** Optimised vs status-quo monthly cost, and the difference in money and percent. */
export function CostSummary({ plan, hasPlacement }: { plan: PlacementPlan; hasPlacement: boolean }) {
  const before = plan.statusQuo.cost.total;
  const after = plan.cost.total;
  const saving = before - after;
  const ratio = before > 0 ? saving / before : 0;
  return (
    <dl className="stats">
      <div className="stat stat-main">
        <dt>Optimised monthly cost</dt>
        <dd>
          {hasPlacement ? (
            <span data-testid="plan-total-cost" data-value={String(after)}>
              {formatMoney(after)}
            </span>
          ) : (
            <span className="muted">no placement</span>
          )}
        </dd>
      </div>
      <div className="stat">
        <dt>Status quo monthly cost</dt>
        <dd>
          <span data-testid="statusquo-total-cost" data-value={String(before)}>
            {formatMoney(before)}
          </span>
        </dd>
      </div>
      <div className="stat">
        <dt>{saving >= 0 ? 'Monthly saving' : 'Monthly extra cost'}</dt>
        <dd>
          {hasPlacement ? (
            <span className={saving > 0 ? 'positive' : saving < 0 ? 'negative' : undefined} data-testid="plan-saving" data-value={String(saving)}>
              {formatMoney(Math.abs(saving))}
              {before > 0 && <span className="stat-sub"> ({formatPercent(Math.abs(ratio))})</span>}
            </span>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
