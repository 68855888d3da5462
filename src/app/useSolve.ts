/**
 * The layout solve as a TanStack Query query keyed by a hash of the scenario
 * document and the solver settings: one worker run per solve (the layout
 * optimiser, then the baselines, all scored by the evaluator), with live
 * progress and Cancel. A scenario that was solved before (undo back to it,
 * reopen it, type the old value again) shows its plan from the cache at once
 * and is not solved twice. A run stops when the scenario or settings change.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario, SolveProgress } from '../planner';
import type { Baselines } from '../planner/placement/baselines';
import type { LayoutPlan } from '../planner/placement/planLayout';
import { solveLayoutInWorker, type PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { isCancelled, ScenarioRejectedError } from './errors';
import { solveKey } from './solveKey';
import type { PlannerSettings } from './settings';
import { selectDocument, selectRevision, selectSettings, useAppStore, validateDocument } from './store';

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
  /** Starts a solve of the current scenario with the current settings; ignored while one runs, when invalid, or when already solved. */
  solve(): void;
  cancel(): void;
  isRunning: boolean;
  progress: LiveProgress | null;
  /** The plan of the current scenario and settings, if one was computed. */
  outcome: SolveOutcome | undefined;
  /** Why the last solve of this scenario ended without a plan (cancelled, crashed, rejected). */
  error: Error | null;
  wasCancelled: boolean;
}

const PROGRESS_FLUSH_MS = 100;
/** Plans of scenarios no longer shown stay this long, so undo finds them. */
const PLAN_CACHE_MS = 60 * 60 * 1000;

export function useSolve(): SolveState {
  const document = useAppStore(selectDocument);
  const settings = useAppStore(selectSettings);
  const revision = useAppStore(selectRevision);
  const queryKey = useMemo(() => solveKey(document, settings), [document, settings]);
  const hash = queryKey[1];
  const current = useRef({ document, settings, revision });
  current.current = { document, settings, revision };

  const runRef = useRef<{ hash: string; planner: PlannerRun<Reply<{ plan: LayoutPlan; baselines: Baselines }>> } | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);

  // GLPK can print many lines per second; fold them as they come and show the result a few times a second.
  const latest = useRef<{ run: number; progress: LiveProgress } | null>(null);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const entry = latest.current;
    if (!entry || entry.run !== runCounter.current) return;
    setProgress((previous) => (previous ? entry.progress : previous));
  }, []);

  const query = useQuery<SolveOutcome, Error>({
    queryKey,
    // Runs only when Solve is pressed (refetch), never on its own.
    enabled: false,
    retry: false,
    staleTime: Infinity,
    gcTime: PLAN_CACHE_MS,
    queryFn: async () => {
      const request = current.current;
      const validation = validateDocument(request.document);
      if (!validation.ok) throw new ScenarioRejectedError(validation.issues);
      const run = ++runCounter.current;
      const startedAt = performance.now();
      let folded: LiveProgress = { phase: 'starting', startedAt, logLine: null };
      setProgress(folded);
      const onProgress = (p: SolveProgress) => {
        if (run !== runCounter.current) return;
        folded = nextProgress(folded, p);
        latest.current = { run, progress: folded };
        if (flushTimer.current === null) flushTimer.current = setTimeout(flush, PROGRESS_FLUSH_MS);
      };
      const settingsCopy: PlannerSettings = { ...request.settings, objective: { ...request.settings.objective } };
      const planner = solveLayoutInWorker(request.document, settingsCopy, onProgress);
      const entry = { hash: solveKey(request.document, request.settings)[1], planner };
      runRef.current = entry;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        const { plan, baselines } = reply.value;
        return { plan, baselines, scenario: validation.scenario, document: request.document, revision: request.revision };
      } finally {
        if (runRef.current === entry) runRef.current = null;
      }
    },
  });

  const { refetch } = query;
  const hasPlan = query.data !== undefined;

  const cancel = useCallback(() => {
    runRef.current?.planner.cancel();
  }, []);

  const solve = useCallback(() => {
    if (runRef.current || hasPlan) return;
    if (!validateDocument(current.current.document).ok) return;
    void refetch();
  }, [refetch, hasPlan]);

  // Another scenario or other settings: a run for the old ones is not wanted any more.
  useEffect(() => {
    const run = runRef.current;
    if (run && run.hash !== hash) {
      runCounter.current++;
      run.planner.cancel();
      runRef.current = null;
    }
  }, [hash]);

  useEffect(
    () => () => {
      runRef.current?.planner.cancel();
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
    },
    [],
  );

  const isRunning = query.fetchStatus === 'fetching';
  const error = isRunning ? null : query.error;
  return {
    solve,
    cancel,
    isRunning,
    progress: isRunning ? progress : null,
    outcome: query.data,
    error,
    wasCancelled: isCancelled(error),
  };
}
