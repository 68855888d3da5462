/**
 * The bursting plan as a TanStack Query mutation: one worker run solves the
 * bursting MILP for each candidate region and prices the comparisons. It can be
 * cancelled, and its result is dropped when the scenario is replaced.
 */
import { useCallback } from 'react';
import type { SolveProgress } from '../planner';
import type { BurstComparison } from '../planner/bursting/planBursting';
import type { BurstSettings } from '../planner/bursting/burstSchedule';
import { planBurstingInWorker } from '../workers/plannerClient';
import { useAppStore, validateDocument } from './store';
import { useLatestOutcome, useWorkerAction, type WorkerAction } from './workerRun';

export interface BurstOutcome extends BurstComparison {
  settings: BurstSettings;
  revision: number;
}

export interface BurstProgress {
  phase: SolveProgress['phase'] | 'starting';
  detail: string | null;
  startedAt: number;
}

interface BurstRequest {
  document: unknown;
  settings: BurstSettings;
  revision: number;
}

const BURST_KEY = ['burst-plan'];

const BURST: WorkerAction<BurstRequest, BurstComparison, BurstOutcome, SolveProgress, BurstProgress> = {
  key: BURST_KEY,
  start: (r, onReport) => planBurstingInWorker(r.document, r.settings, onReport),
  outcome: (comparison, r) => ({ ...comparison, settings: r.settings, revision: r.revision }),
  progress: (p, startedAt, previous) => ({ phase: p.phase, detail: p.detail ?? previous?.detail ?? null, startedAt }),
};

export function useBurstPlan() {
  const { start, ...status } = useWorkerAction(BURST);
  const run = useCallback(
    (burst: Omit<BurstSettings, 'timeLimitSeconds' | 'mipGap'>) => {
      const state = useAppStore.getState();
      if (!validateDocument(state.document).ok) return;
      const settings = { ...burst, timeLimitSeconds: state.settings.timeLimitSeconds, mipGap: state.settings.mipGap };
      start({ document: state.document, settings, revision: state.revision }, { phase: 'starting', detail: null, startedAt: performance.now() });
    },
    [start],
  );
  return { run, ...status };
}

export type BurstPlanState = ReturnType<typeof useBurstPlan>;

/** The bursting plan of the current scenario, if one was computed (for the report export). */
export function useShownBurst(): BurstOutcome | undefined {
  return useLatestOutcome<BurstOutcome>(BURST_KEY);
}
