import type { PlanStatus } from '../planner';

const DESCRIPTION: Record<PlanStatus, string> = {
  optimal: 'proven cheapest placement',
  feasible: 'valid placement, not proven cheapest',
  infeasible: 'no placement satisfies the constraints',
  'no-solution': 'the solver found no placement in time',
};

/** The plan's status word, coloured by how far it can be trusted. */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return (
    <span className={`status-badge status-${status}`} title={DESCRIPTION[status]}>
      <span data-testid="plan-status">{status}</span>
    </span>
  );
}
