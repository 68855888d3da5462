import { useScenarioValidation } from '../app/store';
import { useSolve } from '../app/useSolve';
import { BurstingPanel } from './bursting/BurstingPanel';
import { PlanResult } from './PlanResult';
import { ScenarioOverview } from './ScenarioOverview';
import { SolvePanel } from './SolvePanel';
import { TradeoffPanel } from './TradeoffPanel';
import { ValidationIssues } from './ValidationIssues';

/** The page body: solver controls on the left; the plan, the trade-offs and the scenario on the right. */
export function Workspace() {
  const validation = useScenarioValidation();
  const solver = useSolve();
  const blockedReason = validation.ok
    ? null
    : `Solving is disabled: the scenario has ${validation.issues.length} problem${validation.issues.length === 1 ? '' : 's'} (listed on the right).`;
  const plan = solver.outcome?.plan;
  const currentCost = plan && (plan.status === 'optimal' || plan.status === 'feasible') ? plan.evaluation?.cost.total : undefined;
  return (
    <div className="workspace">
      <aside className="workspace-side">
        <SolvePanel solver={solver} blockedReason={blockedReason} />
      </aside>
      <div className="workspace-main">
        {!validation.ok && <ValidationIssues issues={validation.issues} />}
        {solver.outcome && <PlanResult outcome={solver.outcome} />}
        {!solver.outcome && validation.ok && !solver.isRunning && (
          <p className="empty-state">
            Press <strong>Solve</strong> to find the best layout for this scenario and compare it with today’s and the simple alternatives.
          </p>
        )}
        {validation.ok && <TradeoffPanel scenario={validation.scenario} currentCost={currentCost} />}
        {validation.ok && <BurstingPanel scenario={validation.scenario} />}
        {validation.ok && <ScenarioOverview scenario={validation.scenario} />}
      </div>
    </div>
  );
}
