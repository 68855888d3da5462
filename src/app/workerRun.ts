/**
 * The bookkeeping every worker-backed action (solve, trade-off sweep) needs around
 * a run: a new scenario stops the old run and forgets its result, leaving the page
 * never leaves a worker spinning, and only a run of the current scenario counts.
 */
import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { isCancelled, ScenarioRejectedError } from './errors';
import { selectRevision, useAppStore } from './store';

export function useRunLifecycle(revision: number, onNewScenario: () => void, onUnmount: () => void): void {
  const handlers = useRef({ onNewScenario, onUnmount });
  handlers.current = { onNewScenario, onUnmount };
  const seenRevision = useRef(revision);
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    handlers.current.onNewScenario();
  }, [revision]);
  useEffect(() => () => handlers.current.onUnmount(), []);
}

interface RevisionedMutation<T> {
  variables?: { revision: number } | undefined;
  data?: (T & { revision: number }) | undefined;
  isPending: boolean;
  error: Error | null;
}

/** What the page shows of a run: nothing of a run that belonged to an earlier scenario. */
export function runStatus<T, P>(mutation: RevisionedMutation<T>, revision: number, progress: P | null) {
  const current = mutation.variables?.revision === revision;
  const isRunning = mutation.isPending && current;
  const error = current ? mutation.error : null;
  return {
    isRunning,
    progress: isRunning ? progress : null,
    outcome: mutation.data && mutation.data.revision === revision ? mutation.data : undefined,
    error,
    wasCancelled: isCancelled(error),
  };
}

/**
 * A worker-backed action (a sweep, a bursting plan) as a TanStack Query mutation: one
 * worker run per request, its progress reports folded and shown a few times a second,
 * Cancel, and the lifecycle above. `action` must be a module-level constant.
 */
export interface WorkerAction<Request extends { revision: number }, Value, Outcome extends { revision: number }, Report, Progress> {
  key: readonly unknown[];
  start(request: Request, onReport: (report: Report) => void): PlannerRun<Reply<Value>>;
  outcome(value: Value, request: Request): Outcome;
  progress(report: Report, startedAt: number, previous: Progress | null): Progress;
}

const FLUSH_MS = 150;

export function useWorkerAction<Request extends { revision: number }, Value, Outcome extends { revision: number }, Report, Progress>(
  action: WorkerAction<Request, Value, Outcome, Report, Progress>,
) {
  const revision = useAppStore(selectRevision);
  const runRef = useRef<PlannerRun<Reply<Value>> | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const pending = useRef<Progress | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);

  const mutation = useMutation<Outcome, Error, Request>({
    mutationKey: action.key,
    mutationFn: async (request) => {
      const run = ++runCounter.current;
      const startedAt = performance.now();
      const planner = action.start(request, (report) => {
        if (run !== runCounter.current) return;
        pending.current = action.progress(report, startedAt, pending.current);
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (run === runCounter.current && pending.current) setProgress(pending.current);
        }, FLUSH_MS);
      });
      runRef.current = planner;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        return action.outcome(reply.value, request);
      } finally {
        if (runRef.current === planner) runRef.current = null;
      }
    },
  });

  const { mutate, reset } = mutation;
  const resetRef = useRef(reset);
  resetRef.current = reset;

  /** Starts a run unless one is going; `initial` is shown until the worker reports. */
  const start = useCallback(
    (request: Request, initial: Progress) => {
      if (runRef.current) return;
      pending.current = null;
      setProgress(initial);
      mutate(request);
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

  return { start, cancel, ...runStatus(mutation, revision, progress) };
}

/** The latest finished outcome of an action, if it belongs to the current scenario (for components outside the one that ran it). */
export function useLatestOutcome<Outcome extends { revision: number }>(key: readonly unknown[]): Outcome | undefined {
  const revision = useAppStore(selectRevision);
  const states = useMutationState<MutationState<Outcome, Error, unknown>>({
    filters: { mutationKey: key },
    select: (mutation) => mutation.state as MutationState<Outcome, Error, unknown>,
  });
  const latest = states[states.length - 1];
  return latest?.status === 'success' && latest.data?.revision === revision ? latest.data : undefined;
}
