import { formatMoney, formatNumber } from '../app/format';
import { useNow } from '../app/useNow';
import type { LiveProgress } from '../app/useSolve';
import type { PlacementObjective } from '../planner/placement/layoutModel';

const PHASE_TEXT: Record<LiveProgress['phase'], string> = {
  starting: 'Starting the planner',
  building: 'Building the model',
  solving: 'Solving',
  evaluating: 'Checking the layout',
  done: 'Finishing',
};

/** Phase, elapsed time, the solver's incumbent, bound and gap, and its latest log line while a solve runs. */
export function SolveProgressView({ progress, objective }: { progress: LiveProgress; objective: PlacementObjective['kind'] }) {
  const now = useNow(true, 200);
  const elapsed = Math.max(0, (now - progress.startedAt) / 1000);
  // The objective is money unless it is the mean response time (ms).
  const show = (x: number) => (objective === 'delay' ? `${formatNumber(x)} ms` : formatMoney(x));
  const figures = [
    progress.incumbent !== undefined && { label: 'Best found', value: show(progress.incumbent) },
    progress.bound !== undefined && { label: 'Bound', value: show(progress.bound) },
    progress.gapPercent !== undefined && { label: 'Gap', value: `${formatNumber(progress.gapPercent)}%` },
  ].filter((f): f is { label: string; value: string } => Boolean(f));
  return (
    <div className="solve-progress" data-testid="solve-progress">
      <div className="progress-line">
        <span className="spinner" aria-hidden="true" />
        <span role="status" className="progress-phase" data-phase={progress.phase}>
          {PHASE_TEXT[progress.phase]}…
        </span>
        <span className="progress-elapsed">{elapsed.toFixed(1)} s</span>
      </div>
      {figures.length > 0 && (
        <dl className="progress-figures">
          {figures.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="solver-log" aria-label="Latest solver log line">
        {progress.logLine ?? <span className="muted">waiting for the solver…</span>}
      </div>
    </div>
  );
}
