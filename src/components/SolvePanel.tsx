import { useId } from 'react';
import { errorMessage, ScenarioRejectedError } from '../app/errors';
import { MAX_AMORTISATION_MONTHS } from '../app/settings';
import { MAX_TIME_LIMIT_SECONDS, useSettingsForm } from '../app/useSettingsForm';
import type { SolveState } from '../app/useSolve';
import type { PlacementObjective } from '../planner/placement/layoutModel';
import { ErrorPanel } from './ErrorPanel';
import { NumberField } from './NumberField';
import { SolveProgressView } from './SolveProgressView';

const OBJECTIVES: { kind: PlacementObjective['kind']; label: string }[] = [
  { kind: 'cost', label: 'Lowest monthly cost' },
  { kind: 'delay', label: 'Fastest response within a budget' },
  { kind: 'weighted', label: 'Weighted: cost + response time' },
];

interface SolvePanelProps {
  solver: SolveState;
  /** Why the scenario cannot be solved, or null when it can. */
  blockedReason: string | null;
}

/** Solver settings, the Solve and Cancel buttons, and the progress of a running solve. */
export function SolvePanel({ solver, blockedReason }: SolvePanelProps) {
  const form = useSettingsForm();
  const ids = { objective: useId(), reason: useId() };
  const reason = blockedReason ?? form.reason;
  const { isRunning, progress, error, wasCancelled } = solver;

  return (
    <section className="card solve-panel" aria-labelledby="solve-panel-title">
      <h2 id="solve-panel-title">Optimise the layout</h2>
      <p className="muted small">
        Decides how many servers of every component run at each site, within capacities, pins, co-location, bandwidth and response-time bounds.
      </p>
      <form
        className="solve-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason && !isRunning) solver.solve();
        }}
      >
        <div className="field">
          <label htmlFor={ids.objective}>Objective</label>
          <select id={ids.objective} value={form.kind} disabled={isRunning} onChange={(e) => form.setKind(e.currentTarget.value as PlacementObjective['kind'])}>
            {OBJECTIVES.map((o) => (
              <option key={o.kind} value={o.kind}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {form.kind === 'delay' && (
          <NumberField label="Monthly budget (USD)" field={form.budget} disabled={isRunning} min={0} hint="Minimises the request-weighted mean response time at no more than this cost." />
        )}
        {form.kind === 'weighted' && (
          <NumberField label="Weight (USD per ms)" field={form.weight} disabled={isRunning} min={0} hint="What 1 ms less mean response time is worth per month." />
        )}
        <NumberField
          label="Migration amortisation (months)"
          field={form.months}
          disabled={isRunning}
          min={0}
          max={MAX_AMORTISATION_MONTHS}
          step={1}
          inputMode="numeric"
          hint="Spreads the one-time migration transfer over this many months; 0 leaves it out of the monthly cost."
        />
        <div className="field-row">
          <NumberField label="Time limit (seconds)" field={form.timeLimit} disabled={isRunning} min={1} max={MAX_TIME_LIMIT_SECONDS} step={1} inputMode="numeric" />
          <NumberField label="MIP gap (%)" field={form.gap} disabled={isRunning} min={0} max={99.99} />
        </div>
        <p className="hint field-row-hint">At the time limit the best layout found is returned with its proven gap; a gap of 0 proves the optimum.</p>
        <div className="solve-buttons">
          <button type="submit" className="button button-primary" disabled={reason !== null || isRunning} aria-describedby={reason ? ids.reason : undefined}>
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

      {isRunning && progress && <SolveProgressView progress={progress} objective={form.kind} />}

      {!isRunning && wasCancelled && (
        <p className="notice" role="status" data-testid="solve-cancelled">
          Solve cancelled. The scenario is unchanged; press Solve to start again.
        </p>
      )}
      {!isRunning && error && !wasCancelled && (
        <ErrorPanel title="The solve did not finish" issues={error instanceof ScenarioRejectedError ? error.issues : undefined}>
          <p>{errorMessage(error)}</p>
          <p className="muted small">The scenario is unchanged; press Solve to try again.</p>
        </ErrorPanel>
      )}
    </section>
  );
}
