/**
 * Trade-off curves: the optimal monthly cost as one limit is swept, every
 * other input unchanged. Each point is a full plan (re-checked by the evaluator),
 * so clicking a point can show its layout.
 */
import type { Scenario } from '../scenario/schema';
import type { GLPK } from '../solver/glpk';
import { planLayout, type LayoutPlan, type LayoutPlanSettings, type SolveProgress } from './planLayout';

export type TradeoffSweep =
  /** The allowed increase of mean response time, applied to every transaction and region (ms). */
  | { kind: 'meanIncrease'; from: number; to: number; steps: number }
  /** A cap on every inter-site link direction (Mbps). */
  | { kind: 'bandwidth'; from: number; to: number; steps: number };

export interface TradeoffPoint {
  value: number;
  plan: LayoutPlan;
}

export function sweepValues(sweep: TradeoffSweep): number[] {
  const steps = Math.max(2, Math.round(sweep.steps));
  return Array.from({ length: steps }, (_, i) => sweep.from + ((sweep.to - sweep.from) * i) / (steps - 1));
}

export function sweepTradeoff(
  s: Scenario,
  glpk: GLPK,
  settings: LayoutPlanSettings,
  sweep: TradeoffSweep,
  onProgress: (p: SolveProgress & { point: number; points: number }) => void = () => {},
): TradeoffPoint[] {
  const values = sweepValues(sweep);
  // Each point gets an equal share of the time limit.
  const perPoint = Math.max(2, settings.timeLimitSeconds / values.length);
  return values.map((value, i) => {
    const pointSettings: LayoutPlanSettings = {
      ...settings,
      timeLimitSeconds: perPoint,
      ...(sweep.kind === 'meanIncrease' ? { maxMeanIncreaseOverrideMs: value } : { bandwidthCapMbps: value }),
    };
    const plan = planLayout(s, glpk, pointSettings, (p) => onProgress({ ...p, point: i + 1, points: values.length }));
    return { value, plan };
  });
}
