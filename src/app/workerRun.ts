/**
 * The bookkeeping every worker-backed action (solve, trade-off sweep) needs around
 * a run: a new scenario stops the old run and forgets its result, leaving the page
 * never leaves a worker spinning, and only a run of the current scenario counts.
 */
import { useEffect, useRef } from 'react';
import { isCancelled } from './errors';

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
