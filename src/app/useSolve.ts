/**
 * The layout solve as a TanStack Query mutation: one worker run per solve (the
 * layout optimiser, then the baselines, all scored by the evaluator), with live
 * progress, Cancel, and a plan that is dropped as soon as the scenario it was
 * computed for is replaced.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Scenario, SolveProgress } from '../planner';
import type { Baselines } from '../planner/placement/baselines';
import type { LayoutPlan } from '../planner/placement/planLayout';
import { solveLayoutInWorker, type PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { ScenarioRejectedError } from './errors';
import type { PlannerSettings } from './settings';
import { selectRevision, useAppStore, validateDocument } from './store';
import { runStatus, useRunLifecycle } from './workerRun';

export interface SolveRequest {
  /** The raw document, sent to the worker (which validates it again). */
  document: unknown;
  /** The same document parsed here, for showing the result next to names and capacities. */
  scenario: Scenario;
  settings: PlannerSettings;
  revision: number;
}

export interface SolveOutcome {
  plan: LayoutPlan;
  baselines: Baselines;
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
  /** The solver's best objective so far, its proven bound and the gap between them, when it has reported them. */
  incumbent?: number;
  bound?: number;
  gapPercent?: number;
}

/** Folds one progress report into what the page shows: figures the report lacks keep their last value. */
export function nextProgress(previous: LiveProgress, report: SolveProgress): LiveProgress {
  const next: LiveProgress = { ...previous, phase: report.phase };
  if (report.detail) next.logLine = report.detail;
  if (report.incumbent !== undefined && Number.isFinite(report.incumbent)) next.incumbent = report.incumbent;
  if (report.bound !== undefined && Number.isFinite(report.bound)) next.bound = report.bound;
  if (report.gapPercent !== undefined && Number.isFinite(report.gapPercent)) next.gapPercent = report.gapPercent;
  return next;
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
  const runRef = useRef<PlannerRun<Reply<{ plan: LayoutPlan; baselines: Baselines }>> | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);

  // GLPK can print many lines per second; fold them as they come and show the result a few times a second.
  const latest = useRef<{ run: number; progress: LiveProgress } | null>(null);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);
  /** performance.now() when Solve was last pressed. */
  const startedAt = useRef(0);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const entry = latest.current;
    if (!entry || entry.run !== runCounter.current) return;
    setProgress((previous) => (previous ? entry.progress : previous));
  }, []);

  const mutation = useMutation<SolveOutcome, Error, SolveRequest>({
    mutationKey: ['solve-layout'],
    mutationFn: async (request) => {
      const run = ++runCounter.current;
      let folded: LiveProgress = { phase: 'starting', startedAt: startedAt.current, logLine: null };
      const onProgress = (p: SolveProgress) => {
        if (run !== runCounter.current) return;
        folded = nextProgress(folded, p);
        latest.current = { run, progress: folded };
        if (flushTimer.current === null) flushTimer.current = setTimeout(flush, PROGRESS_FLUSH_MS);
      };
      const planner = solveLayoutInWorker(request.document, request.settings, onProgress);
      runRef.current = planner;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        const { plan, baselines } = reply.value;
        return { plan, baselines, scenario: request.scenario, document: request.document, revision: request.revision };
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
    startedAt.current = performance.now();
    setProgress({ phase: 'starting', startedAt: startedAt.current, logLine: null });
    mutate({ document: state.document, scenario: validation.scenario, settings: { ...state.settings, objective: { ...state.settings.objective } }, revision: state.revision });
  }, [mutate]);

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
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
    },
  );

  return { solve, cancel, ...runStatus(mutation, revision, progress) };
}
