import { useId, useState } from 'react';
import { errorMessage, ScenarioRejectedError } from '../app/errors';
import { selectSettings, useAppStore } from '../app/store';
import type { SolveState } from '../app/useSolve';
import { ErrorPanel } from './ErrorPanel';
import { SolveProgressView } from './SolveProgressView';

const MAX_TIME_LIMIT_SECONDS = 3600;

function parseTimeLimit(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 1 && n <= MAX_TIME_LIMIT_SECONDS ? n : null;
}

/** A gap in percent (0 to under 100) as the solver's relative gap (0 to under 1, as a shared link requires). */
function parseGapPercent(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n < 100 ? n / 100 : null;
}

/** A gap (0.05) as the percentage typed in the field ("5"), without binary noise (7.000000000000001). */
function gapPercentText(gap: number): string {
  return String(Number((gap * 100).toPrecision(12)));
}

interface SolvePanelProps {
  solver: SolveState;
  /** Why the scenario cannot be solved, or null when it can. */
  blockedReason: string | null;
}

/** Solver settings, the Solve and Cancel buttons, and the progress of a running solve. */
export function SolvePanel({ solver, blockedReason }: SolvePanelProps) {
  const settings = useAppStore(selectSettings);
  const setTimeLimitSeconds = useAppStore((s) => s.setTimeLimitSeconds);
  const setMipGap = useAppStore((s) => s.setMipGap);
  const [timeLimitText, setTimeLimitText] = useState(() => String(settings.timeLimitSeconds));
  const [gapText, setGapText] = useState(() => gapPercentText(settings.mipGap));
  // Settings replaced from outside (a shared link, a saved scenario): show them, unless the field already says so.
  const [shownSettings, setShownSettings] = useState(settings);
  if (shownSettings !== settings) {
    setShownSettings(settings);
    if (parseTimeLimit(timeLimitText) !== settings.timeLimitSeconds) setTimeLimitText(String(settings.timeLimitSeconds));
    if (parseGapPercent(gapText) !== settings.mipGap) setGapText(gapPercentText(settings.mipGap));
  }
  const ids = { time: useId(), timeHint: useId(), gap: useId(), gapHint: useId(), reason: useId() };

  const timeLimitValid = parseTimeLimit(timeLimitText) !== null;
  const gapValid = parseGapPercent(gapText) !== null;
  const reason =
    blockedReason ??
    (!timeLimitValid
      ? `The time limit must be between 1 and ${MAX_TIME_LIMIT_SECONDS} seconds.`
      : !gapValid
        ? 'The MIP gap must be a percentage from 0 to less than 100.'
        : null);
  const { isRunning, progress, error, wasCancelled } = solver;

  return (
    <section className="card solve-panel" aria-labelledby="solve-panel-title">
      <h2 id="solve-panel-title">Optimise placement</h2>
      <p className="muted small">Finds the cheapest site for every component within capacities, pins and co-location groups.</p>
      <form
        className="solve-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason && !isRunning) solver.solve();
        }}
      >
        <div className="field">
          <label htmlFor={ids.time}>Time limit (seconds)</label>
          <input
            id={ids.time}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_TIME_LIMIT_SECONDS}
            step={1}
            value={timeLimitText}
            disabled={isRunning}
            aria-invalid={!timeLimitValid}
            aria-describedby={ids.timeHint}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setTimeLimitText(text);
              const value = parseTimeLimit(text);
              if (value !== null) setTimeLimitSeconds(value);
            }}
          />
          <span id={ids.timeHint} className="hint">
            The best placement found so far is returned when time runs out.
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.gap}>MIP gap (%)</label>
          <input
            id={ids.gap}
            type="number"
            inputMode="decimal"
            min={0}
            max={99.99}
            step="any"
            value={gapText}
            disabled={isRunning}
            aria-invalid={!gapValid}
            aria-describedby={ids.gapHint}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setGapText(text);
              const value = parseGapPercent(text);
              if (value !== null) setMipGap(value);
            }}
          />
          <span id={ids.gapHint} className="hint">
            0 proves the optimum; a small gap such as 1 stops earlier.
          </span>
        </div>
        <div className="solve-buttons">
          <button
            type="submit"
            className="button button-primary"
            disabled={reason !== null || isRunning}
            aria-describedby={reason ? ids.reason : undefined}
          >
            Solve
          </button>
          {isRunning && (
            <button type="button" className="button button-secondary" onClick={solver.cancel}>
              Cancel
            </button>
          )}
        </div>
        {reason && !isRunning && (
          <p id={ids.reason} className="blocked-reason">
            {reason}
          </p>
        )}
      </form>

      {isRunning && progress && <SolveProgressView progress={progress} />}

      {!isRunning && wasCancelled && (
        <p className="notice" role="status">
          Solve cancelled. The scenario is unchanged; press Solve to start again.
        </p>
      )}
      {!isRunning && error && !wasCancelled && (
        <ErrorPanel
          title="The solve did not finish"
          issues={error instanceof ScenarioRejectedError ? error.issues : undefined}
        >
          <p>{errorMessage(error)}</p>
          <p className="muted small">The scenario is unchanged; press Solve to try again.</p>
        </ErrorPanel>
      )}
    </section>
  );
}
