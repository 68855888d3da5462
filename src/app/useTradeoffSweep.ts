/**
 * A trade-off sweep as a TanStack Query mutation: one worker run solves the
 * layout at every point of the sweep. It can be cancelled, reports which point
 * it is on, and its points are dropped when the scenario is replaced.
 */
import { useCallback } from 'react';
import type { SolveProgress } from '../planner';
import type { TradeoffPoint, TradeoffSweep } from '../planner/placement/tradeoff';
import { sweepTradeoffInWorker } from '../workers/plannerClient';
import type { PlannerSettings } from './settings';
import { useAppStore, validateDocument } from './store';
import { useLatestOutcome, useWorkerAction, type WorkerAction } from './workerRun';

export interface SweepOutcome {
  sweep: TradeoffSweep;
  points: TradeoffPoint[];
  revision: number;
}

export interface SweepProgress {
  /** 1-based point being solved, of `points`; 0 until the worker has started. */
  point: number;
  points: number;
  phase: SolveProgress['phase'] | 'starting';
  startedAt: number;
}

interface SweepRequest {
  document: unknown;
  settings: PlannerSettings;
  sweep: TradeoffSweep;
  revision: number;
}

const SWEEP_KEY = ['tradeoff-sweep'];

const SWEEP: WorkerAction<SweepRequest, TradeoffPoint[], SweepOutcome, SolveProgress & { point: number; points: number }, SweepProgress> = {
  key: SWEEP_KEY,
  start: (r, onReport) => sweepTradeoffInWorker(r.document, r.settings, r.sweep, onReport),
  outcome: (points, r) => ({ sweep: r.sweep, points, revision: r.revision }),
  progress: (p, startedAt) => ({ point: p.point, points: p.points, phase: p.phase, startedAt }),
};

export function useTradeoffSweep() {
  const { start, ...status } = useWorkerAction(SWEEP);
  const run = useCallback(
    (sweep: TradeoffSweep) => {
      const state = useAppStore.getState();
      if (!validateDocument(state.document).ok) return;
      const request = { document: state.document, settings: { ...state.settings, objective: { ...state.settings.objective } }, sweep, revision: state.revision };
      start(request, { point: 0, points: Math.max(2, Math.round(sweep.steps)), phase: 'starting', startedAt: performance.now() });
    },
    [start],
  );
  return { run, ...status };
}

export type TradeoffSweepState = ReturnType<typeof useTradeoffSweep>;

/**
 * The sweep the Trade-offs panel shows, for a component outside it (the report
 * export): the latest sweep run, if it finished for the current scenario. The
 * panel's own hook runs one sweep at a time, so its latest is the cache's latest.
 */
export function useShownSweep(): SweepOutcome | undefined {
  return useLatestOutcome<SweepOutcome>(SWEEP_KEY);
}
