import { useScenarioValidation } from '../app/store';
import { useSolve } from '../app/useSolve';
import { PlanResult } from './PlanResult';
import { ScenarioOverview } from './ScenarioOverview';
import { SolvePanel } from './SolvePanel';
import { ValidationIssues } from './ValidationIssues';

/** The page body: solver controls on the left; the plan and the scenario on the right. */
export function Workspace() {
  const validation = useScenarioValidation();
  const solver = useSolve();
  const blockedReason = validation.ok
    ? null
    : `Solving is disabled: the scenario has ${validation.issues.length} problem${validation.issues.length === 1 ? '' : 's'} (listed on the right).`;
  return (
    <div className="workspace">
      <aside className="workspace-side">
        <SolvePanel solver={solver} blockedReason={blockedReason} />
      </aside>
      <div className="workspace-main">
        {!validation.ok && <ValidationIssues issues={validation.issues} />}
        {solver.outcome && <PlanResult outcome={solver.outcome} />}
        {!solver.outcome && validation.ok && !solver.isRunning && (
          <p className="empty-state">Press <strong>Solve</strong> to find the cheapest placement for this scenario.</p>
        )}
        {validation.ok && <ScenarioOverview scenario={validation.scenario} />}
      </div>
    </div>
  );
}
