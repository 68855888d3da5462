import { useState } from 'react';
import { useScenarioValidation } from '../app/store';
import { useSolve } from '../app/useSolve';
import { BurstingPanel } from './bursting/BurstingPanel';
import { useUndoShortcuts } from '../app/useUndoShortcuts';
import { blockedReasonFor } from '../app/blockedReason';
import { PlanContext } from './editor/planContext';
import { ScenarioEditor } from './editor/ScenarioEditor';
import { PlanResult } from './PlanResult';
import { ScenarioOverview } from './ScenarioOverview';
import { SolvePanel } from './SolvePanel';
import { TradeoffPanel } from './TradeoffPanel';
import { ValidationIssues } from './ValidationIssues';

type Tab = 'plan' | 'bursting' | 'edit';
const TABS: { id: Tab; label: string }[] = [
  { id: 'plan', label: 'Plan' },
  { id: 'bursting', label: 'Cloud bursting' },
  { id: 'edit', label: 'Edit scenario' },
];

/** The page body: solver controls on the left; the plan, the bursting plan or the scenario editor on the right. */
export function Workspace() {
  const validation = useScenarioValidation();
  const solver = useSolve();
  useUndoShortcuts();
  const [tab, setTab] = useState<Tab>('plan');
  // A tab is mounted when first opened and then kept (hidden), so switching back and forth keeps what is open in it.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(new Set(['plan']));
  const blockedReason = validation.ok ? null : blockedReasonFor(validation.issues);
  const plan = solver.outcome?.plan;
  const currentCost = plan && (plan.status === 'optimal' || plan.status === 'feasible') ? plan.evaluation?.cost.total : undefined;
  const select = (next: Tab) => {
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };
  return (
    <div className="workspace">
      <aside className="workspace-side">
        <SolvePanel solver={solver} blockedReason={blockedReason} />
      </aside>
      <div className="workspace-main">
        <div className="tabs" role="tablist" aria-label="Views">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className={`tab${tab === t.id ? ' tab-active' : ''}`}
              onClick={() => select(t.id)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
                select(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="tabpanel-plan" aria-labelledby="tab-plan" hidden={tab !== 'plan'} className="tabpanel">
          {!validation.ok && <ValidationIssues issues={validation.issues} />}
          {solver.outcome && <PlanResult outcome={solver.outcome} />}
          {!solver.outcome && validation.ok && !solver.isRunning && (
            <p className="empty-state">
              Press <strong>Solve</strong> to find the best layout for this scenario and compare it with today’s and the simple alternatives.
            </p>
          )}
          {validation.ok && <TradeoffPanel scenario={validation.scenario} currentCost={currentCost} />}
          {validation.ok && <ScenarioOverview scenario={validation.scenario} />}
        </div>
        <div role="tabpanel" id="tabpanel-bursting" aria-labelledby="tab-bursting" hidden={tab !== 'bursting'} className="tabpanel">
          {opened.has('bursting') &&
            (validation.ok ? <BurstingPanel scenario={validation.scenario} /> : <p className="empty-state">Bursting needs a valid scenario: see the problems under Plan.</p>)}
        </div>
        <div role="tabpanel" id="tabpanel-edit" aria-labelledby="tab-edit" hidden={tab !== 'edit'} className="tabpanel">
          <PlanContext.Provider value={solver.outcome}>{opened.has('edit') && <ScenarioEditor />}</PlanContext.Provider>
        </div>
      </div>
    </div>
  );
}
