/**
 * The optimiser settings the page keeps: time limit, gap, objective and the
 * migration amortisation horizon (the layout optimiser's LayoutPlanSettings,
 * without the per-point overrides that only trade-off sweeps set), and the
 * Cloud bursting tab's region and reaction limit.
 *
 * Share links (src/planner/share/linkCodec.ts), the autosave and the library
 * carry all four. A link made before links held the objective and the horizon
 * opens with the cost objective and no amortisation.
 */
import { DEFAULT_LAYOUT_PLAN_SETTINGS, type LayoutPlanSettings } from '../planner/placement/planLayout';
import type { PlacementObjective } from '../planner/placement/layoutModel';
import { checkBurstLinkSettings, checkPlanSettings, MAX_AMORTISATION_MONTHS, type BurstPageSettings, type LinkSettings } from '../planner/share/linkCodec';

export { MAX_AMORTISATION_MONTHS };

/** The layout optimiser's settings, and the Cloud bursting tab's own choices (which do not change a layout solve). */
export type PlannerSettings = Omit<LayoutPlanSettings, 'maxMeanIncreaseOverrideMs' | 'bandwidthCapMbps'> & { bursting: BurstPageSettings };
export type { BurstPageSettings };

export const DEFAULT_SETTINGS: PlannerSettings = {
  timeLimitSeconds: DEFAULT_LAYOUT_PLAN_SETTINGS.timeLimitSeconds,
  mipGap: DEFAULT_LAYOUT_PLAN_SETTINGS.mipGap,
  objective: { ...DEFAULT_LAYOUT_PLAN_SETTINGS.objective },
  migrationAmortisationMonths: DEFAULT_LAYOUT_PLAN_SETTINGS.migrationAmortisationMonths,
  bursting: {},
};

/** The settings a share link opened with (the codec has checked them and filled in what an older link lacks). */
export function settingsFromLink(link: LinkSettings): PlannerSettings {
  return {
    timeLimitSeconds: link.timeLimitSeconds,
    mipGap: link.mipGap,
    objective: { ...link.objective },
    migrationAmortisationMonths: link.migrationAmortisationMonths,
    bursting: { ...(link.bursting ?? {}) },
  };
}

/** What a share link carries of the settings: all of them. */
export function linkSettings(settings: PlannerSettings): LinkSettings {
  return {
    timeLimitSeconds: settings.timeLimitSeconds,
    mipGap: settings.mipGap,
    objective: { ...settings.objective },
    migrationAmortisationMonths: settings.migrationAmortisationMonths,
    bursting: { ...settings.bursting },
  };
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
    // An older record has none; an unusable one falls back to the defaults too.
    bursting: (() => {
      const b = checkBurstLinkSettings(raw.bursting);
      return b.ok ? b.value : {};
    })(),
  };
}
