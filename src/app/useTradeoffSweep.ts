/**
 * A trade-off sweep as a TanStack Query mutation: one worker run solves the
 * layout at every point of the sweep. It can be cancelled, reports which point
 * it is on, and its points are dropped when the scenario is replaced.
 */
import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { SolveProgress } from '../planner';
import type { TradeoffPoint, TradeoffSweep } from '../planner/placement/tradeoff';
import { sweepTradeoffInWorker, type PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { ScenarioRejectedError } from './errors';
import type { PlannerSettings } from './settings';
import { selectRevision, useAppStore, validateDocument } from './store';
import { runStatus, useRunLifecycle } from './workerRun';

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

const FLUSH_MS = 150;
const SWEEP_KEY = ['tradeoff-sweep'];

export function useTradeoffSweep() {
  const revision = useAppStore(selectRevision);
  const runRef = useRef<PlannerRun<Reply<TradeoffPoint[]>> | null>(null);
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const pending = useRef<SweepProgress | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);

  const mutation = useMutation<SweepOutcome, Error, SweepRequest>({
    mutationKey: SWEEP_KEY,
    mutationFn: async (request) => {
      const run = ++runCounter.current;
      const startedAt = performance.now();
      const planner = sweepTradeoffInWorker(request.document, request.settings, request.sweep, (p) => {
        if (run !== runCounter.current) return;
        pending.current = { point: p.point, points: p.points, phase: p.phase, startedAt };
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (run === runCounter.current && pending.current) setProgress(pending.current);
        }, FLUSH_MS);
      });
      runRef.current = planner;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        return { sweep: request.sweep, points: reply.value, revision: request.revision };
      } finally {
        if (runRef.current === planner) runRef.current = null;
      }
    },
  });

  const { mutate, reset } = mutation;
  const resetRef = useRef(reset);
  resetRef.current = reset;

  const run = useCallback(
    (sweep: TradeoffSweep) => {
      if (runRef.current) return;
      const state = useAppStore.getState();
      if (!validateDocument(state.document).ok) return;
      setProgress({ point: 0, points: Math.max(2, Math.round(sweep.steps)), phase: 'starting', startedAt: performance.now() });
      mutate({ document: state.document, settings: { ...state.settings, objective: { ...state.settings.objective } }, sweep, revision: state.revision });
    },
    [mutate],
  );

  const cancel = useCallback(() => runRef.current?.cancel(), []);

  useRunLifecycle(
    revision,
    () => {
      runCounter.current++;
      runRef.current?.cancel();
      runRef.current = null;
      resetRef.current();
      setProgress(null);
    },
    () => {
      runRef.current?.cancel();
      if (timer.current !== null) clearTimeout(timer.current);
    },
  );

  return { run, cancel, ...runStatus(mutation, revision, progress) };
}

export type TradeoffSweepState = ReturnType<typeof useTradeoffSweep>;

/**
 * The sweep the Trade-offs panel shows, for a component outside it (the report
 * export): the latest sweep run, if it finished for the current scenario. The
 * panel's own hook runs one sweep at a time, so its latest is the cache's latest.
 */
export function useShownSweep(): SweepOutcome | undefined {
  const revision = useAppStore(selectRevision);
  const states = useMutationState<MutationState<SweepOutcome, Error, SweepRequest>>({
    filters: { mutationKey: SWEEP_KEY },
    select: (mutation) => mutation.state as MutationState<SweepOutcome, Error, SweepRequest>,
  });
  const latest = states[states.length - 1];
  return latest?.status === 'success' && latest.data?.revision === revision ? latest.data : undefined;
}
