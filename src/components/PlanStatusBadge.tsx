import { formatGap } from '../app/format';
import type { LayoutPlan } from '../planner';

type PlanStatus = LayoutPlan['status'];

const DESCRIPTION: Record<PlanStatus, string> = {
  optimal: 'proven best layout (within the requested gap)',
  feasible: 'valid layout, not proven best: the solver stopped at the time limit',
  infeasible: 'no layout satisfies the constraints',
  'no-solution': 'the solver found no layout in time',
};

/** The plan's status word, coloured by how far it can be trusted; a merely feasible plan shows its proven gap. */
export function PlanStatusBadge({ status, gap, testId = 'plan-status' }: { status: PlanStatus; gap?: number; testId?: string }) {
  return (
    <span className={`status-badge status-${status}`} title={DESCRIPTION[status]}>
      <span data-testid={testId}>{status}</span>
      {status === 'feasible' && gap !== undefined && <span className="status-gap"> · {Number.isFinite(gap) ? `within ${formatGap(gap)}` : formatGap(gap)}</span>}
    </span>
  );
}
