import type { PlacementPlan } from '../planner';
import { formatInteger, formatNumber, formatSeconds } from '../app/format';

/** How big the MILP was and how long GLPK took, with the settings it ran under. */
export function ModelInfo({ plan }: { plan: PlacementPlan }) {
  const { rows, columns, integerColumns, nonZeros } = plan.model;
  return (
    <dl className="facts">
      <div>
        <dt>Constraints</dt>
        <dd>{formatInteger(rows)}</dd>
      </div>
      <div>
        <dt>Variables</dt>
        <dd>
          {formatInteger(columns)} <span className="muted">({formatInteger(integerColumns)} integer)</span>
        </dd>
      </div>
      <div>
        <dt>Non-zeros</dt>
        <dd>{formatInteger(nonZeros)}</dd>
      </div>
      <div>
        <dt>Solve time</dt>
        <dd data-testid="solve-seconds" data-value={String(plan.solveSeconds)}>
          {formatSeconds(plan.solveSeconds)}
        </dd>
      </div>
      <div>
        <dt>Time limit / gap</dt>
        <dd>
          {formatNumber(plan.settings.timeLimitSeconds)} s / {formatNumber(plan.settings.mipGap * 100)}%
        </dd>
      </div>
    </dl>
  );
}
