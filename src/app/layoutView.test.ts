/** The page's own logic around the layout optimiser: settings, progress, and what the results view derives. */
import { describe, expect, it } from 'vitest';
import { bindingConstraints } from '../components/BindingConstraints';
import { callDepths } from '../components/TopologyView';
import { evaluateLayout } from '../planner/evaluate/evaluateLayout';
import { DEFAULT_LAYOUT_PLAN_SETTINGS } from '../planner/placement/planLayout';
import { SAMPLES } from '../planner/samples';
import { parseScenario } from '../planner/scenario/validate';
import { decodeShareLink, encodeShareLink } from '../planner/share/linkCodec';
import { twoSiteShop } from '../planner/testing/fixtures';
import { checkSettings, DEFAULT_SETTINGS, linkSettings, settingsFromLink } from './settings';
import { nextProgress, type LiveProgress } from './useSolve';

function parsed(document: unknown) {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.scenario;
}

describe('settings', () => {
  it('start from the layout optimiser’s defaults: 60 s, 0.1 %, cost, no amortisation', () => {
    expect(DEFAULT_SETTINGS).toEqual({ timeLimitSeconds: 60, mipGap: 0.001, objective: { kind: 'cost' }, migrationAmortisationMonths: 0, bursting: {} });
    const { bursting: _bursting, ...layout } = DEFAULT_SETTINGS;
    expect(layout).toEqual(DEFAULT_LAYOUT_PLAN_SETTINGS);
  });

  it('travel in a link whole, and a link without objective or horizon opens with the defaults for them', () => {
    const mine = { timeLimitSeconds: 30, mipGap: 0.02, objective: { kind: 'delay' as const, budgetUSD: 5000 }, migrationAmortisationMonths: 12, bursting: { burstRegion: 'aws-eu', maxReactionMinutes: 15 } };
    const link = decodeShareLink(encodeShareLink({ scenario: twoSiteShop(), settings: linkSettings(mine) }));
    expect(link.ok && settingsFromLink(link.settings)).toEqual(mine);
    const old = decodeShareLink(encodeShareLink({ scenario: twoSiteShop(), settings: { timeLimitSeconds: 30, mipGap: 0.02 } }));
    expect(old.ok && settingsFromLink(old.settings)).toEqual({ ...DEFAULT_SETTINGS, timeLimitSeconds: 30, mipGap: 0.02 });
  });

  it('are read back from storage with every part checked', () => {
    const full = { timeLimitSeconds: 30, mipGap: 0.02, objective: { kind: 'weighted', usdPerMs: 1.5 }, migrationAmortisationMonths: 24, bursting: { burstRegion: 'aws', maxReactionMinutes: 20 } };
    expect(checkSettings(full)).toEqual(full);
    // Bursting choices an older record lacks, or that do not read, are none.
    expect(checkSettings({ ...full, bursting: undefined })).toEqual({ ...full, bursting: {} });
    expect(checkSettings({ ...full, bursting: { maxReactionMinutes: -5 } })).toEqual({ ...full, bursting: {} });
    expect(checkSettings({ timeLimitSeconds: 30, mipGap: 0.02 })).toEqual({ ...DEFAULT_SETTINGS, timeLimitSeconds: 30, mipGap: 0.02 });
    expect(checkSettings({ ...full, objective: { kind: 'delay' }, migrationAmortisationMonths: -1 })).toEqual({ ...full, objective: { kind: 'cost' }, migrationAmortisationMonths: 0 });
    expect(checkSettings({ ...full, timeLimitSeconds: 0 })).toBeNull();
    expect(checkSettings(null)).toBeNull();
  });
});

describe('solve progress', () => {
  it('keeps the latest figures and log line, and ignores figures that are not numbers', () => {
    const start: LiveProgress = { phase: 'starting', startedAt: 5, logLine: null };
    const a = nextProgress(start, { phase: 'solving', elapsedMs: 10, detail: '+ 12: mip = 100; 90 (10.0%)', incumbent: 100, bound: 90, gapPercent: 10 });
    const b = nextProgress(a, { phase: 'solving', elapsedMs: 20, gapPercent: NaN });
    expect(b).toEqual({ phase: 'solving', startedAt: 5, logLine: '+ 12: mip = 100; 90 (10.0%)', incumbent: 100, bound: 90, gapPercent: 10 });
    expect(nextProgress(b, { phase: 'evaluating', elapsedMs: 30, detail: 'scoring the baselines' })).toMatchObject({ phase: 'evaluating', logLine: 'scoring the baselines', incumbent: 100 });
  });
});

describe('the results view', () => {
  it('lays applications out by the longest chain of calls from an entry component', () => {
    const shop = parsed(SAMPLES[0]!.document).applications[0]!;
    expect(Object.fromEntries(callDepths(shop))).toEqual({ web: 0, app: 1, cache: 2, search: 2, db: 2 });
  });

  it('lists full sites, delay bounds without slack and saturated links as binding', () => {
    const doc = twoSiteShop();
    doc.sites[0].capacity.servers = 4;
    doc.applications[0].transactions[0].slo = { maxMeanIncreaseMs: 5, maxP95Ms: 10_000 };
    const s = parsed(doc);
    // Everything at home: the data centre is full, the mean does not rise (5 ms of slack: not binding).
    const home = evaluateLayout(s, { servers: { web: { dc: 2 }, db: { dc: 2 } } });
    expect(bindingConstraints(s, home).map((b) => b.kind)).toEqual(['capacity']);
    // Everything in AWS: the mean rises by exactly its bound of 5 ms.
    const aws = evaluateLayout(s, { servers: { web: { aws: 2 }, db: { aws: 2 } } });
    expect(bindingConstraints(s, aws)).toEqual([{ kind: 'meanDelay', text: 'Buy for Europe users: the mean rises by 5.0 ms, its bound is +5.0 ms' }]);
  });
});
