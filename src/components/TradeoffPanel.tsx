import { useId, useState } from 'react';
import { errorMessage, ScenarioRejectedError } from '../app/errors';
import { formatMoney } from '../app/format';
import { useNow } from '../app/useNow';
import { useTradeoffSweep, type SweepOutcome } from '../app/useTradeoffSweep';
import type { Scenario } from '../planner';
import type { TradeoffSweep } from '../planner/placement/tradeoff';
import { ErrorPanel } from './ErrorPanel';
import { PlanStatusBadge } from './PlanStatusBadge';
import { ServersBySiteTable } from './ServersBySiteTable';
import { pointCost, pointLabel, TradeoffChart } from './TradeoffChart';

type Kind = TradeoffSweep['kind'];
const DEFAULTS: Record<Kind, { from: string; to: string; steps: string }> = {
  meanIncrease: { from: '0', to: '200', steps: '5' },
  bandwidth: { from: '50', to: '1000', steps: '5' },
};
const MAX_STEPS = 21;

function parseSweep(kind: Kind, from: string, to: string, steps: string): TradeoffSweep | string {
  const [a, b, n] = [Number(from), Number(to), Number(steps)];
  if (from.trim() === '' || !Number.isFinite(a) || a < 0) return 'The first value must be a number ≥ 0.';
  if (to.trim() === '' || !Number.isFinite(b) || b <= a) return 'The last value must be larger than the first.';
  if (!Number.isInteger(n) || n < 2 || n > MAX_STEPS) return `The number of points must be a whole number from 2 to ${MAX_STEPS}.`;
  return { kind, from: a, to: b, steps: n };
}

/** The point shown first: at the scenario's largest mean bound (closest), or the loosest cap; feasible if possible. */
function defaultSelection(scenario: Scenario, outcome: SweepOutcome): number {
  const feasible = outcome.points.map((p, i) => ({ i, value: p.value, ok: pointCost(p) !== null })).filter((p) => p.ok);
  if (feasible.length === 0) return 0;
  if (outcome.sweep.kind === 'bandwidth') return feasible[feasible.length - 1]!.i;
  const bounds = scenario.applications.flatMap((a) => a.transactions.map((t) => t.slo?.maxMeanIncreaseMs).filter((x): x is number => x !== undefined));
  const target = bounds.length > 0 ? Math.max(...bounds) : 0;
  return feasible.reduce((best, p) => (Math.abs(p.value - target) < Math.abs(best.value - target) ? p : best)).i;
}

/** Trade-off curves: the optimal cost as the allowed increase of response time or a bandwidth cap is swept. */
export function TradeoffPanel({ scenario, currentCost }: { scenario: Scenario; currentCost?: number }) {
  const sweeper = useTradeoffSweep();
  const [kind, setKind] = useState<Kind>('meanIncrease');
  const [fields, setFields] = useState(DEFAULTS.meanIncrease);
  const [selection, setSelection] = useState<{ outcome: SweepOutcome; index: number } | null>(null);
  const ids = { kind: useId(), from: useId(), to: useId(), steps: useId(), reason: useId() };
  const now = useNow(sweeper.isRunning, 250);

  const outcome = sweeper.outcome;
  if (outcome && selection?.outcome !== outcome) setSelection({ outcome, index: defaultSelection(scenario, outcome) });
  const selected = outcome && selection?.outcome === outcome ? selection.index : 0;
  const parsed = parseSweep(kind, fields.from, fields.to, fields.steps);
  const reason = typeof parsed === 'string' ? parsed : null;
  const unit = kind === 'meanIncrease' ? 'ms' : 'Mbps';
  const point = outcome?.points[selected];
  const progress = sweeper.progress;

  return (
    <section className="card tradeoff-panel" aria-labelledby="tradeoff-title">
      <h2 id="tradeoff-title">Trade-offs</h2>
      <p className="muted small">
        Solves the layout at each point of a range, every other input unchanged, and plots the evaluator’s monthly cost. The time limit is shared among the points.
      </p>
      <form
        className="tradeoff-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (typeof parsed !== 'string' && !sweeper.isRunning) sweeper.run(parsed);
        }}
      >
        <div className="field">
          <label htmlFor={ids.kind}>Sweep</label>
          <select
            id={ids.kind}
            value={kind}
            disabled={sweeper.isRunning}
            onChange={(e) => {
              const next = e.currentTarget.value as Kind;
              setKind(next);
              setFields(DEFAULTS[next]);
            }}
          >
            <option value="meanIncrease">Allowed mean response-time increase</option>
            <option value="bandwidth">Bandwidth cap per link direction</option>
          </select>
        </div>
        {(['from', 'to', 'steps'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={ids[name]}>{name === 'from' ? `From (${unit})` : name === 'to' ? `To (${unit})` : 'Points'}</label>
            <input
              id={ids[name]}
              type="number"
              min={name === 'steps' ? 2 : 0}
              max={name === 'steps' ? MAX_STEPS : undefined}
              step={name === 'steps' ? 1 : 'any'}
              value={fields[name]}
              disabled={sweeper.isRunning}
              onChange={(e) => setFields({ ...fields, [name]: e.currentTarget.value })}
            />
          </div>
        ))}
        <div className="tradeoff-buttons">
          <button type="submit" className="button button-primary" disabled={reason !== null || sweeper.isRunning} aria-describedby={reason ? ids.reason : undefined}>
            Run sweep
          </button>
          {sweeper.isRunning && (
            <button type="button" className="button button-secondary" onClick={sweeper.cancel}>
              Cancel sweep
            </button>
          )}
        </div>
      </form>
      {reason && (
        <p id={ids.reason} className="blocked-reason">
          {reason}
        </p>
      )}
      {progress && (
        <p className="solve-progress progress-line" role="status" data-testid="tradeoff-progress">
          <span className="spinner" aria-hidden="true" />
          <span className="progress-phase">{progress.point === 0 ? 'Starting the planner…' : `Solving point ${progress.point} of ${progress.points}…`}</span>
          <span className="progress-elapsed">{Math.max(0, (now - progress.startedAt) / 1000).toFixed(1)} s</span>
        </p>
      )}
      {!sweeper.isRunning && sweeper.wasCancelled && (
        <p className="notice" role="status">
          Sweep cancelled.
        </p>
      )}
      {!sweeper.isRunning && sweeper.error && !sweeper.wasCancelled && (
        <ErrorPanel title="The sweep did not finish" issues={sweeper.error instanceof ScenarioRejectedError ? sweeper.error.issues : undefined}>
          <p>{errorMessage(sweeper.error)}</p>
        </ErrorPanel>
      )}

      {outcome && (
        <>
          <TradeoffChart sweep={outcome.sweep} points={outcome.points} selected={selected} onSelect={(index) => setSelection({ outcome, index })} currentCost={currentCost} />
          {point && (
            <div className="tradeoff-detail" data-testid="tradeoff-layout" data-value={String(point.value)}>
              <div className="card-heading">
                <h3>Layout at {pointLabel(outcome.sweep.kind, point.value)}</h3>
                <PlanStatusBadge status={point.plan.status} gap={point.plan.gap} testId="tradeoff-point-status" />
                {pointCost(point) !== null && <strong className="figure">{formatMoney(pointCost(point)!)} a month</strong>}
              </div>
              {point.plan.message && <p className={`plan-message plan-message-${point.plan.status}`}>{point.plan.message.charAt(0).toUpperCase() + point.plan.message.slice(1)}</p>}
              {point.plan.layout && pointCost(point) !== null && <ServersBySiteTable scenario={scenario} servers={point.plan.layout.servers} caption={`Servers per component and site at ${pointLabel(outcome.sweep.kind, point.value)}`} />}
            </div>
          )}
        </>
      )}
    </section>
  );
}
