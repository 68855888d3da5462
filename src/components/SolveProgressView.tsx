import type { LiveProgress } from '../app/useSolve';
import { useNow } from '../app/useNow';

const PHASE_TEXT: Record<LiveProgress['phase'], string> = {
  starting: 'Starting the planner',
  building: 'Building the model',
  solving: 'Solving',
  evaluating: 'Checking the placement',
  done: 'Finishing',
};

/** Phase, elapsed time and the solver's latest log line while a solve runs. */
export function SolveProgressView({ progress }: { progress: LiveProgress }) {
  const now = useNow(true, 200);
  const elapsed = Math.max(0, (now - progress.startedAt) / 1000);
  return (
    <div className="solve-progress" data-testid="solve-progress">
      <div className="progress-line">
        <span className="spinner" aria-hidden="true" />
        <span role="status" className="progress-phase" data-phase={progress.phase}>
          {PHASE_TEXT[progress.phase]}…
        </span>
        <span className="progress-elapsed">{elapsed.toFixed(1)} s</span>
      </div>
      <div className="solver-log" aria-label="Latest solver log line">
        {progress.logLine ?? <span className="muted">waiting for the solver…</span>}
      </div>
    </div>
  );
}
