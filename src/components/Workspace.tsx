import { memo, useRef, useState } from 'react';
import { useScenarioValidation } from '../app/store';
import { useSolve, type SolveOutcome } from '../app/useSolve';
import type { ParseResult } from '../planner';
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

function useWhileShown<T>(value: T, shown: boolean): T {
  const last = useRef(value);
  if (shown) last.current = value;
  return last.current;
}

const PlanTab = memo(function PlanTab({ validation, outcome, isRunning, currentCost }: { validation: ParseResult; outcome: SolveOutcome | undefined; isRunning: boolean; currentCost: number | undefined }) {
  return (
    <>
      {!validation.ok && <ValidationIssues issues={validation.issues} />}
      {outcome && <PlanResult outcome={outcome} />}
      {!outcome && validation.ok && !isRunning && (
        <p className="empty-state">
          Press <strong>Solve</strong> to find the best layout for this scenario and compare it with today’s and the simple alternatives.
        </p>
      )}
      {validation.ok && <TradeoffPanel scenario={validation.scenario} currentCost={currentCost} />}
      {validation.ok && <ScenarioOverview scenario={validation.scenario} />}
    </>
  );
});

const BurstingTab = memo(function BurstingTab({ validation }: { validation: ParseResult }) {
  return validation.ok ? <BurstingPanel scenario={validation.scenario} /> : <p className="empty-state">Bursting needs a valid scenario: see the problems under Plan.</p>;
});

/** The page body: solver controls on the left; the plan, the bursting plan or the scenario editor on the right. */
export function Workspace() {
  const validation = useScenarioValidation();
  const solver = useSolve();
  useUndoShortcuts();
  const [tab, setTab] = useState<Tab>('plan');
  // A tab is mounted when first opened and then kept (hidden), so switching back and forth keeps what is open in it.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(new Set(['plan']));
  const blockedReason = validation.ok ? null : blockedReasonFor(validation.issues);
  // A hidden tab keeps the scenario it last showed, so typing in the editor does not re-render the plan's tables and charts.
  const planValidation = useWhileShown(validation, tab === 'plan');
  const burstingValidation = useWhileShown(validation, tab === 'bursting');
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
          <PlanTab validation={planValidation} outcome={solver.outcome} isRunning={solver.isRunning} currentCost={currentCost} />
        </div>
        <div role="tabpanel" id="tabpanel-bursting" aria-labelledby="tab-bursting" hidden={tab !== 'bursting'} className="tabpanel">
          {opened.has('bursting') && <BurstingTab validation={burstingValidation} />}
        </div>
        <div role="tabpanel" id="tabpanel-edit" aria-labelledby="tab-edit" hidden={tab !== 'edit'} className="tabpanel">
          <PlanContext.Provider value={solver.outcome}>{opened.has('edit') && <ScenarioEditor />}</PlanContext.Provider>
        </div>
      </div>
    </div>
  );
}
