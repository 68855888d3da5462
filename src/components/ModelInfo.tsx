import { formatGap, formatInteger, formatNumber, formatSeconds } from '../app/format';
import type { LayoutPlan } from '../planner/placement/planLayout';

const OBJECTIVE_TEXT = (o: LayoutPlan['settings']['objective']) =>
  o.kind === 'cost' ? 'lowest monthly cost' : o.kind === 'delay' ? `fastest mean response within $${formatNumber(o.budgetUSD)} a month` : `cost + $${formatNumber(o.usdPerMs)} per ms of mean response time`;

/** How the layout was solved: method, p95 cut rounds, model size, time, the settings and the proven gap. */
export function ModelInfo({ plan }: { plan: LayoutPlan }) {
  const { rows, columns, integerColumns, nonZeros } = plan.model;
  return (
    <dl className="facts">
      <div>
        <dt>Objective</dt>
        <dd>{OBJECTIVE_TEXT(plan.settings.objective)}</dd>
      </div>
      <div>
        <dt>Method</dt>
        <dd data-testid="plan-method">
          {plan.method === 'monolithic' ? 'one model (monolithic)' : `decomposition into ${formatInteger(plan.blocks)} block${plan.blocks === 1 ? '' : 's'}`}
        </dd>
      </div>
      <div>
        <dt>p95 cut rounds</dt>
        <dd>{formatInteger(plan.cutRounds)}</dd>
      </div>
      <div>
        <dt>Model</dt>
        <dd>
          {formatInteger(rows)} rows × {formatInteger(columns)} columns{' '}
          <span className="muted">
            ({formatInteger(integerColumns)} integer, {formatInteger(nonZeros)} non-zeros)
          </span>
        </dd>
      </div>
      <div>
        <dt>Solve time</dt>
        <dd data-testid="solve-seconds" data-value={String(plan.solveSeconds)}>
          {formatSeconds(plan.solveSeconds)}
        </dd>
      </div>
      <div>
        <dt>Time limit / gap asked</dt>
        <dd>
          {formatNumber(plan.settings.timeLimitSeconds)} s / {formatNumber(plan.settings.mipGap * 100)}%
        </dd>
      </div>
      <div>
        <dt>Proven gap</dt>
        <dd data-testid="plan-gap" data-value={String(plan.gap)}>
          {plan.status === 'infeasible' || plan.status === 'no-solution' ? '—' : formatGap(plan.gap)}
        </dd>
      </div>
    </dl>
  );
}
