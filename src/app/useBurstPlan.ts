/**
 * The bursting plan as a TanStack Query mutation: one worker run solves the
 * bursting MILP for each candidate region and prices the comparisons. It can be
 * cancelled, and its result is dropped when the scenario is replaced.
 */
import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { SolveProgress } from '../planner';
import type { BurstComparison } from '../planner/bursting/planBursting';
import type { BurstSettings } from '../planner/bursting/burstSchedule';
import { planBurstingInWorker, type PlannerRun } from '../workers/plannerClient';
import type { Reply } from '../workers/planner.worker';
import { ScenarioRejectedError } from './errors';
import { selectRevision, useAppStore, validateDocument } from './store';
import { runStatus, useRunLifecycle } from './workerRun';

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

const FLUSH_MS = 150;
const BURST_KEY = ['burst-plan'];

export function useBurstPlan() {
  const revision = useAppStore(selectRevision);
  const runRef = useRef<PlannerRun<Reply<BurstComparison>> | null>(null);
  const [progress, setProgress] = useState<BurstProgress | null>(null);
  const pending = useRef<BurstProgress | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runCounter = useRef(0);

  const mutation = useMutation<BurstOutcome, Error, BurstRequest>({
    mutationKey: BURST_KEY,
    mutationFn: async (request) => {
      const run = ++runCounter.current;
      const startedAt = performance.now();
      const planner = planBurstingInWorker(request.document, request.settings, (p) => {
        if (run !== runCounter.current) return;
        pending.current = { phase: p.phase, detail: p.detail ?? pending.current?.detail ?? null, startedAt };
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (run === runCounter.current && pending.current) setProgress(pending.current);
        }, FLUSH_MS);
      });
      runRef.current = planner;
      try {
        const reply = await planner.result;
        if (!reply.ok) throw new ScenarioRejectedError(reply.issues);
        return { ...reply.value, settings: request.settings, revision: request.revision };
      } finally {
        if (runRef.current === planner) runRef.current = null;
      }
    },
  });

  const { mutate, reset } = mutation;
  const resetRef = useRef(reset);
  resetRef.current = reset;

  const run = useCallback(
    (burst: Omit<BurstSettings, 'timeLimitSeconds' | 'mipGap'>) => {
      if (runRef.current) return;
      const state = useAppStore.getState();
      if (!validateDocument(state.document).ok) return;
      setProgress({ phase: 'starting', detail: null, startedAt: performance.now() });
      mutate({ document: state.document, settings: { ...burst, timeLimitSeconds: state.settings.timeLimitSeconds, mipGap: state.settings.mipGap }, revision: state.revision });
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

export type BurstPlanState = ReturnType<typeof useBurstPlan>;

/** The bursting plan of the current scenario, if one was computed (for the report export). */
export function useShownBurst(): BurstOutcome | undefined {
  const revision = useAppStore(selectRevision);
  const states = useMutationState<MutationState<BurstOutcome, Error, BurstRequest>>({
    filters: { mutationKey: BURST_KEY },
    select: (mutation) => mutation.state as MutationState<BurstOutcome, Error, BurstRequest>,
  });
  const latest = states[states.length - 1];
  return latest?.status === 'success' && latest.data?.revision === revision ? latest.data : undefined;
}
