/**
 * The placement solve as a TanStack Query mutation: one worker run per solve,
 * with live progress, Cancel, and a plan that is dropped as soon as the scenario
 * it was computed for is replaced.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlacementPlan, PlanSettings, Scenario, SolveProgress } from '../planner';
import { solvePlacementInWorker, type PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { ScenarioRejectedError, isCancelled } from './errors';
import { selectRevision, useAppStore, validateDocument } from './store';

export interface SolveRequest {
  /** The raw document, sent to the worker (which validates it again). */
  document: unknown;
  /** The same document parsed here, for showing the result next to names and capacities. */
  scenario: Scenario;
  settings: PlanSettings;
  revision: number;
}

export interface SolveOutcome {
  plan: PlacementPlan;
  scenario: Scenario;
  document: unknown;
  revision: number;
}

export interface LiveProgress {
  /** 'starting' until the worker reports its first phase (it is loading GLPK). */
  phase: SolveProgress['phase'] | 'starting';
  /** performance.now() when Solve was pressed. */
  startedAt: number;
  /** The latest solver log line (GLPK output, or the model size at first). */
  logLine: string | null;
}

export interface SolveState {
  /** Starts a solve of the current scenario with the current settings; ignored while one runs or when invalid. */
  solve(): void;
  cancel(): void;
  isRunning: boolean;
  progress: LiveProgress | null;
  /** The plan of the current scenario, if one was computed. */
  outcome: SolveOutcome | undefined;
  /** Why the last solve ended without a plan (cancelled, crashed, rejected). */
  error: Error | null;
  wasCancelled: boolean;
}

const PROGRESS_FLUSH_MS = 100;

export function useSolve(): SolveState {
  const revision = useAppStore(selectRevision);
  const runRef = useRef<PlannerRun<Reply<PlacementPlan>> | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);

  // GLPK can print many lines per second; keep the newest and flush a few times a second.
  const latest = useRef<{ run: number; progress: SolveProgress } | null>(null);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const entry = latest.current;
    if (!entry || entry.run !== runCounter.current) return;
    const { phase, detail } = entry.progress;
    setProgress((previous) =>
      previous
        ? { ...previous, phase, logLine: phase === 'solving' && detail ? detail : previous.logLine }
        : previous,
    );
  }, []);

  const mutation = useMutation<SolveOutcome, Error, SolveRequest>({
    mutationKey: ['solve-placement'],
    mutationFn: async (request) => {
      const run = ++runCounter.current;
      const onProgress = (p: SolveProgress) => {
        if (run !== runCounter.current) return;
        latest.current = { run, progress: p };
        if (flushTimer.current === null) flushTimer.current = setTimeout(flush, PROGRESS_FLUSH_MS);
      };
      const planner = solvePlacementInWorker(request.document, request.settings, onProgress);
      runRef.current = planner;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        return { plan: reply.value, scenario: request.scenario, document: request.document, revision: request.revision };
      } finally {
        if (runRef.current === planner) runRef.current = null;
      }
    },
  });

  const { mutate, reset } = mutation;
  const resetRef = useRef(reset);
  resetRef.current = reset;

  const cancel = useCallback(() => {
    runRef.current?.cancel();
  }, []);

  const solve = useCallback(() => {
    if (runRef.current) return;
    const state = useAppStore.getState();
    const validation = validateDocument(state.document);
    if (!validation.ok) return;
    setProgress({ phase: 'starting', startedAt: performance.now(), logLine: null });
    mutate({ document: state.document, scenario: validation.scenario, settings: { ...state.settings }, revision: state.revision });
  }, [mutate]);

  // A new scenario: stop any solve of the old one and forget its plan.
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    runCounter.current++;
    runRef.current?.cancel();
    runRef.current = null;
    resetRef.current();
    setProgress(null);
  }, [revision]);

  // Leaving the page section: never leave a worker spinning.
  useEffect(
    () => () => {
      runRef.current?.cancel();
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
    },
    [],
  );

  const current = mutation.variables?.revision === revision;
  const isRunning = mutation.isPending && current;
  const error = current ? mutation.error : null;
  return {
    solve,
    cancel,
    isRunning,
    progress: isRunning ? progress : null,
    outcome: mutation.data && mutation.data.revision === revision ? mutation.data : undefined,
    error,
    wasCancelled: isCancelled(error),
  };
}
