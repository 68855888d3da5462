/**
 * Starts the planner worker and turns its failures into rejected promises:
 * Comlink alone would leave a call pending forever when the worker crashes,
 * and cancelling a GLPK solve is only possible by terminating the worker.
 */
import * as Comlink from 'comlink';
import type { PlannerApi, Reply } from './planner.worker';
import type { SolveProgress } from '../planner';
import type { LayoutPlan, LayoutPlanSettings } from '../planner/placement/planLayout';
import type { Baselines } from '../planner/placement/baselines';
import type { TradeoffPoint, TradeoffSweep } from '../planner/placement/tradeoff';
import type { BurstComparison } from '../planner/bursting/planBursting';
import type { BurstSettings } from '../planner/bursting/burstSchedule';

export class WorkerCrashedError extends Error {}
export class CancelledError extends Error {}

export interface PlannerRun<T> {
  result: Promise<T>;
  cancel(): void;
}

/** One worker per run: a solve can then always be cancelled, and a crash takes nothing else down. */
function run<T>(call: (api: Comlink.Remote<PlannerApi>) => Promise<T>): PlannerRun<T> {
  const worker = new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module', name: 'tierwise-planner' });
  const api = Comlink.wrap<PlannerApi>(worker);
  let settle: ((error: Error) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    settle = reject;
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new WorkerCrashedError(`The planner stopped unexpectedly${event.message ? `: ${event.message}` : ''}. Your scenario is unchanged; try again.`));
    });
    worker.addEventListener('messageerror', () => reject(new WorkerCrashedError('The planner sent a message that could not be read.')));
  });
  const result = Promise.race([call(api), failure]).finally(() => worker.terminate());
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.(new CancelledError('Solve cancelled.'));
    },
  };
}

export function solveLayoutInWorker(
  scenario: unknown,
  settings: LayoutPlanSettings,
  onProgress: (p: SolveProgress) => void,
): PlannerRun<Reply<{ plan: LayoutPlan; baselines: Baselines }>> {
  return run((api) => api.solveLayout(scenario, settings, Comlink.proxy(onProgress)) as Promise<Reply<{ plan: LayoutPlan; baselines: Baselines }>>);
}

export function sweepTradeoffInWorker(
  scenario: unknown,
  settings: LayoutPlanSettings,
  sweep: TradeoffSweep,
  onProgress: (p: SolveProgress & { point: number; points: number }) => void,
): PlannerRun<Reply<TradeoffPoint[]>> {
  return run((api) => api.sweepTradeoff(scenario, settings, sweep, Comlink.proxy(onProgress)) as Promise<Reply<TradeoffPoint[]>>);
}

export function exportLayoutLpInWorker(scenario: unknown, settings: LayoutPlanSettings): PlannerRun<Reply<string>> {
  return run((api) => api.exportLayoutLp(scenario, settings) as Promise<Reply<string>>);
}

export function planBurstingInWorker(scenario: unknown, settings: BurstSettings, onProgress: (p: SolveProgress) => void): PlannerRun<Reply<BurstComparison>> {
  return run((api) => api.planBursting(scenario, settings, Comlink.proxy(onProgress)) as Promise<Reply<BurstComparison>>);
}
