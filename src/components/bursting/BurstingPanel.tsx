import { useId, useState } from 'react';
import { errorMessage, ScenarioRejectedError } from '../../app/errors';
import { formatGap, formatMoney, formatMs, formatPercent, formatSeconds } from '../../app/format';
import { useBurstPlan, type BurstOutcome } from '../../app/useBurstPlan';
import { useAppStore } from '../../app/store';
import { MAX_REACTION_MINUTES } from '../../planner/share/linkCodec';
import { useNow } from '../../app/useNow';
import type { Scenario } from '../../planner';
import type { BurstEvaluation } from '../../planner/bursting/burstSchedule';
import { ErrorPanel } from '../ErrorPanel';
import { BurstComparisonTable } from './BurstComparisonTable';
import { BurstCostChart } from './BurstCostChart';
import { BurstEventsTable } from './BurstEventsTable';
import { BurstTimelineChart } from './BurstTimelineChart';
import { periodLabel } from '../../planner/bursting/periodLabels';

function parseReaction(text: string): number | undefined | string {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 && n <= MAX_REACTION_MINUTES ? n : `The reaction limit must be a number of minutes above 0 and at most ${MAX_REACTION_MINUTES} (a week), or empty for none.`;
}

/** Cloud bursting over the demand horizon: the optimal schedule, its chart and events, and the alternatives. */
export function BurstingPanel({ scenario }: { scenario: Scenario }) {
  const planner = useBurstPlan();
  const saved = useAppStore((s) => s.settings.bursting);
  const setBursting = useAppStore((s) => s.setBurstingSettings);
  // The region is the saved one while it still names a cloud site of this scenario.
  const region = saved.burstRegion && scenario.sites.some((s) => s.id === saved.burstRegion && s.kind === 'cloud') ? saved.burstRegion : '';
  // The limit is typed as text and saved once it reads as a number (or is emptied).
  const [reaction, setReaction] = useState(saved.maxReactionMinutes !== undefined ? String(saved.maxReactionMinutes) : '');
  const [seenReaction, setSeenReaction] = useState(saved.maxReactionMinutes);
  if (saved.maxReactionMinutes !== seenReaction) {
    setSeenReaction(saved.maxReactionMinutes);
    setReaction(saved.maxReactionMinutes !== undefined ? String(saved.maxReactionMinutes) : '');
  }
  const save = (next: { burstRegion?: string | undefined; maxReactionMinutes?: number | undefined }) => {
    const merged = { ...saved, ...next };
    setBursting({ ...(merged.burstRegion ? { burstRegion: merged.burstRegion } : {}), ...(merged.maxReactionMinutes !== undefined ? { maxReactionMinutes: merged.maxReactionMinutes } : {}) });
  };
  const ids = { region: useId(), reaction: useId(), reason: useId() };
  const now = useNow(planner.isRunning, 250);
  const clouds = scenario.sites.filter((s) => s.kind === 'cloud');
  const parsedReaction = parseReaction(reaction);
  const reason = !scenario.demand
    ? 'The scenario has no demand profiles; add them (one series per application) to plan bursting.'
    : typeof parsedReaction === 'string'
      ? parsedReaction
      : null;
  const demand = scenario.demand;

  return (
    <section className="card bursting-panel" aria-labelledby="bursting-title" data-testid="bursting-panel">
      <h2 id="bursting-title">Cloud bursting</h2>
      <p className="muted small">
        Over the demand horizon{demand ? ` (${demand.profiles[0]?.values.length ?? 0} periods of ${demand.periodMinutes} min from ${periodLabel(demand, 0)})` : ''}: what does not fit in the data
        centre runs in one cloud region, period by period, and which images are kept there pre-copied. Uses the solver’s time limit and gap.
      </p>
      <div className="tradeoff-form burst-form">
        <div className="field">
          <label htmlFor={ids.region}>Burst region</label>
          <select id={ids.region} value={region} onChange={(e) => save({ burstRegion: e.target.value || undefined })} disabled={planner.isRunning}>
            <option value="">The cheapest of all cloud regions</option>
            {clouds.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.reaction}>A burst must start within (minutes)</label>
          <input id={ids.reaction} inputMode="decimal" value={reaction} placeholder="no limit" onChange={(e) => {
              const text = e.target.value;
              setReaction(text);
              const parsed = parseReaction(text);
              if (typeof parsed !== 'string') {
                setSeenReaction(parsed);
                save({ maxReactionMinutes: parsed });
              }
            }}
            disabled={planner.isRunning}
            size={8}
          />
        </div>
        <div className="tradeoff-buttons">
          {planner.isRunning ? (
            <button type="button" className="button button-secondary" onClick={planner.cancel}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={reason !== null}
              aria-describedby={reason ? ids.reason : undefined}
              onClick={() => planner.run({ ...(region ? { burstRegion: region } : {}), ...(typeof parsedReaction === 'number' ? { maxReactionMinutes: parsedReaction } : {}) })}
            >
              Plan bursting
            </button>
          )}
        </div>
      </div>
      {reason && (
        <p id={ids.reason} className="blocked-reason">
          {reason}
        </p>
      )}
      {planner.progress && (
        <p className="solve-progress progress-line" role="status" data-testid="burst-progress">
          <span className="spinner" aria-hidden="true" />
          {planner.progress.phase === 'starting' ? 'Starting the planner…' : planner.progress.detail ?? planner.progress.phase} · {formatSeconds((now - planner.progress.startedAt) / 1000)}
        </p>
      )}
      {planner.error && !planner.wasCancelled && (
        <ErrorPanel title="Bursting could not be planned" issues={planner.error instanceof ScenarioRejectedError ? planner.error.issues : undefined} focusKey={planner.error}>
          <p>{errorMessage(planner.error)}</p>
          <p className="muted small">Your scenario is unchanged.</p>
        </ErrorPanel>
      )}
      {planner.wasCancelled && <p className="muted small">Cancelled; nothing was changed.</p>}
      {planner.outcome && <BurstResult scenario={scenario} outcome={planner.outcome} />}
    </section>
  );
}

function BurstResult({ scenario, outcome }: { scenario: Scenario; outcome: BurstOutcome }) {
  const { plan } = outcome;
  const buyPeak = outcome.baselines.find((b) => b.id === 'buy-peak')?.evaluation;
  const buy = buyPeak?.feasible ? buyPeak : undefined;
  if (!plan.evaluation || !plan.schedule) {
    return (
      <div className="burst-result" data-testid="burst-result" data-status={plan.status}>
        <p role="alert">
          <strong>{plan.status === 'infeasible' ? 'No bursting schedule exists.' : 'No bursting plan.'}</strong> {plan.message}
        </p>
        {outcome.baselines.length > 0 && <BurstComparisonTable scenario={scenario} comparison={outcome} />}
      </div>
    );
  }
  const e = plan.evaluation;
  const region = scenario.sites.find((s) => s.id === plan.schedule!.burstRegion)?.name ?? 'no cloud (everything fits)';
  const saving = buy ? buy.cost.total - e.cost.total : undefined;
  return (
    <div className="burst-result" data-testid="burst-result" data-status={plan.status} data-total={e.cost.total.toFixed(2)}>
      <p className="burst-summary">
        <span className={`status-badge status-${plan.status}`} data-testid="burst-status">
          {plan.status}
        </span>{' '}
        Burst to <strong>{region}</strong>: <strong data-testid="burst-total">{formatMoney(e.cost.total)}</strong> over the horizon
        {saving !== undefined && buy && buy.cost.total > 0 && (
          <>
            , {saving >= 0 ? `${formatMoney(saving)} (${formatPercent(saving / buy.cost.total)}) less` : `${formatMoney(-saving)} more`} than buying local capacity for the peak
          </>
        )}
        . {plan.source === 'greedy' ? `The MILP was stopped by the clock with nothing cheaper than the greedy's schedule, shown here; it is within ${formatGap(plan.gap)} (${formatMoney(plan.gapUSD)}) of the MILP's bound on the bursting cost.` : plan.status === 'feasible' ? `Within ${formatGap(plan.gap)} (${formatMoney(plan.gapUSD)}) of the best bound on the bursting cost.` : ''}{' '}
        <span className="muted small">
          Model {plan.model.rows} rows × {plan.model.columns} columns ({plan.model.integerColumns} integer), {plan.regions.length} region{plan.regions.length === 1 ? '' : 's'} solved in {formatSeconds(plan.solveSeconds)}.
        </span>
      </p>
      {plan.message && (
        <p className="notice" role="status">
          {plan.message}
        </p>
      )}
      <P95Summary evaluation={e} rounds={plan.p95Rounds} />
      <BurstTimelineChart scenario={scenario} evaluation={e} />
      <BurstCostChart scenario={scenario} evaluation={e} />
      <BurstEventsTable scenario={scenario} events={e.events} periodHours={e.periodHours} />
      <BurstComparisonTable scenario={scenario} comparison={outcome} />
    </div>
  );
}

/** The tail during bursts: what the layout evaluator found, and whether the plan had to be tightened for it. */
function P95Summary({ evaluation, rounds }: { evaluation: BurstEvaluation; rounds: number }) {
  const checks = evaluation.p95DuringBursts;
  if (checks.length === 0) return null;
  const tightest = checks.reduce((a, b) => (b.p95Ms / b.boundMs > a.p95Ms / a.boundMs ? b : a));
  return (
    <p className="small" data-testid="burst-p95">
      95th percentiles during bursts, by the layout evaluator: all within their bounds; the closest is {tightest.transaction} for {tightest.region},{' '}
      {formatMs(tightest.p95Ms)} against {formatMs(tightest.boundMs)}.
      {rounds > 0 && ` The mean was tightened in ${rounds} round${rounds === 1 ? '' : 's'} so that bursts keep their tails within bounds.`}
    </p>
  );
}
