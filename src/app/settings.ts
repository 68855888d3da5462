/**
 * The optimiser settings the page keeps: time limit, gap, objective and the
 * migration amortisation horizon (the layout optimiser's LayoutPlanSettings,
 * without the per-point overrides that only trade-off sweeps set).
 *
 * Share links carry only the time limit and the gap (the link format,
 * src/planner/share/linkCodec.ts, encodes PlanSettings); a link therefore opens
 * with the defaults for the rest. The autosave and the library keep everything.
 */
import { DEFAULT_LAYOUT_PLAN_SETTINGS, type LayoutPlanSettings } from '../planner/placement/planLayout';
import type { PlacementObjective } from '../planner/placement/layoutModel';
import type { PlanSettings } from '../planner';
import { checkPlanSettings } from '../planner/share/linkCodec';

export type PlannerSettings = Omit<LayoutPlanSettings, 'maxMeanIncreaseOverrideMs' | 'bandwidthCapMbps'>;

export const DEFAULT_SETTINGS: PlannerSettings = {
  timeLimitSeconds: DEFAULT_LAYOUT_PLAN_SETTINGS.timeLimitSeconds,
  mipGap: DEFAULT_LAYOUT_PLAN_SETTINGS.mipGap,
  objective: { ...DEFAULT_LAYOUT_PLAN_SETTINGS.objective },
  migrationAmortisationMonths: DEFAULT_LAYOUT_PLAN_SETTINGS.migrationAmortisationMonths,
};

export const MAX_AMORTISATION_MONTHS = 120;

/** The settings a share link carries (time limit and gap), the defaults for the rest. */
export function settingsFromLink(link: PlanSettings): PlannerSettings {
  return { ...DEFAULT_SETTINGS, objective: { ...DEFAULT_SETTINGS.objective }, timeLimitSeconds: link.timeLimitSeconds, mipGap: link.mipGap };
}

/** What a share link can carry of the settings. */
export function linkSettings(settings: PlannerSettings): PlanSettings {
  return { timeLimitSeconds: settings.timeLimitSeconds, mipGap: settings.mipGap };
}

function checkObjective(value: unknown): PlacementObjective | null {
  if (value === null || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  const finiteNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (o.kind === 'cost') return { kind: 'cost' };
  if (o.kind === 'delay' && finiteNonNegative(o.budgetUSD)) return { kind: 'delay', budgetUSD: o.budgetUSD };
  if (o.kind === 'weighted' && finiteNonNegative(o.usdPerMs)) return { kind: 'weighted', usdPerMs: o.usdPerMs };
  return null;
}

/**
 * Settings read back from the autosave or the library: null when the time limit or
 * the gap is unusable; an unreadable objective or horizon (an older record has none)
 * falls back to its default.
 */
export function checkSettings(value: unknown): PlannerSettings | null {
  const basic = checkPlanSettings(value);
  if (!basic.ok) return null;
  const raw = value as Record<string, unknown>;
  const months = raw.migrationAmortisationMonths;
  return {
    ...basic.value,
    objective: checkObjective(raw.objective) ?? { ...DEFAULT_SETTINGS.objective },
    migrationAmortisationMonths:
      typeof months === 'number' && Number.isFinite(months) && months >= 0 && months <= MAX_AMORTISATION_MONTHS ? months : DEFAULT_SETTINGS.migrationAmortisationMonths,
  };
}
