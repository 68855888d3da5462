/** The IndexedDB layer, run in Node against fake-indexeddb: library, autosave, and what opens on start. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLES } from '../../planner/samples';
import { encodeShareLink } from '../../planner/share/linkCodec';
import { twoSiteShop } from '../../planner/testing/fixtures';
import { DEFAULT_SETTINGS, type PlannerSettings } from '../settings';
import { useAppStore } from '../store';
import { readAutosave, startAutosave, writeAutosave, type Autosaver } from './autosave';
import { openTierwiseDb, type AutosaveRecord, type TierwiseDb } from './db';
import { cleanScenarioName, copyName, deleteScenario, duplicateScenario, getScenario, listScenarios, renameScenario, saveScenarioAs } from './library';
import { restoreWorkingScenario } from './startup';
import type { AutosaveStatus } from './status';

const initialState = useAppStore.getState();
/** Settings as the page keeps them: the defaults with the given time limit and gap. */
const withLimits = (timeLimitSeconds: number, mipGap: number): PlannerSettings => ({ ...DEFAULT_SETTINGS, timeLimitSeconds, mipGap });
const settings = withLimits(60, 0);
let dbCount = 0;
let db: TierwiseDb;

beforeEach(async () => {
  useAppStore.setState(initialState, true);
  db = await openTierwiseDb(`tierwise-test-${++dbCount}`);
});

afterEach(() => db.close());

describe('scenario library', () => {
  it('saves as, lists newest first, renames, duplicates and deletes', async () => {
    const a = await saveScenarioAs(db, { name: '  Plan   A ', document: twoSiteShop(), settings }, 1000);
    const b = await saveScenarioAs(db, { name: 'Plan B', document: SAMPLES[1]!.document, settings: { ...withLimits(5, 0.01), objective: { kind: 'weighted', usdPerMs: 2 } } }, 2000);
    expect(a.name).toBe('Plan A');
    expect((await listScenarios(db)).map((e) => e.name)).toEqual(['Plan B', 'Plan A']);

    const renamed = await renameScenario(db, a.id, 'Plan A, cheaper', 3000);
    expect(renamed).toMatchObject({ id: a.id, name: 'Plan A, cheaper', savedAt: 3000 });
    expect((await getScenario(db, a.id)).document).toEqual(twoSiteShop());

    const copy = await duplicateScenario(db, b.id, 4000);
    const copy2 = await duplicateScenario(db, b.id, 5000);
    expect([copy.name, copy2.name]).toEqual(['Plan B (copy)', 'Plan B (copy 2)']);
    expect(copy.id).not.toBe(b.id);
    expect(copy.document).toEqual(b.document);
    expect(copy.settings).toEqual({ ...withLimits(5, 0.01), objective: { kind: 'weighted', usdPerMs: 2 } });

    await deleteScenario(db, b.id);
    expect((await listScenarios(db)).map((e) => e.name)).toEqual(['Plan B (copy 2)', 'Plan B (copy)', 'Plan A, cheaper']);
    await expect(getScenario(db, b.id)).rejects.toThrow(/no longer in the library/);
    await expect(renameScenario(db, b.id, 'x')).rejects.toThrow(/no longer in the library/);
    await expect(duplicateScenario(db, b.id)).rejects.toThrow(/no longer in the library/);
  });

  it('keeps any text as a name, markup included, and refuses an empty one', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const entry = await saveScenarioAs(db, { name: markup, document: twoSiteShop(), settings });
    expect((await getScenario(db, entry.id)).name).toBe(markup);
    expect(() => cleanScenarioName('   ')).toThrow('Give the scenario a name.');
    expect(() => cleanScenarioName('x'.repeat(201))).toThrow(/at most 200 characters/);
    await expect(saveScenarioAs(db, { name: '', document: {}, settings })).rejects.toThrow('Give the scenario a name.');
  });

  it('names copies without piling up suffixes', () => {
    expect(copyName('Plan', new Set())).toBe('Plan (copy)');
    expect(copyName('Plan (copy)', new Set(['Plan (copy)']))).toBe('Plan (copy 2)');
    expect(copyName('x'.repeat(200), new Set())).toHaveLength(200);
  });
});

describe('autosave', () => {
  let autosaver: Autosaver | null = null;
  afterEach(() => autosaver?.stop());

  it('writes the scenario, settings and source once after a burst of changes', async () => {
    let writes = 0;
    const statuses: AutosaveStatus['state'][] = [];
    autosaver = startAutosave({
      store: useAppStore,
      db: async () => {
        writes++;
        return db;
      },
      delayMs: 20,
      onStatus: (s) => statuses.push(s.state),
      now: () => 42,
    });
    useAppStore.getState().loadSample('enterprise');
    useAppStore.getState().setTimeLimitSeconds(30);
    useAppStore.getState().setMipGap(0.02);
    useAppStore.getState().setObjective({ kind: 'delay', budgetUSD: 9000 });
    useAppStore.getState().setMigrationAmortisationMonths(12);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await autosaver.flush();
    expect(writes).toBe(1);
    expect(await readAutosave(db)).toEqual({
      document: SAMPLES[1]!.document,
      settings: { timeLimitSeconds: 30, mipGap: 0.02, objective: { kind: 'delay', budgetUSD: 9000 }, migrationAmortisationMonths: 12, bursting: {} },
      source: { kind: 'sample', sampleId: 'enterprise' },
      savedAt: 42,
    });
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never writes a document that does not validate', async () => {
    await writeAutosave(db, { document: twoSiteShop(), settings, source: { kind: 'file', fileName: 'shop.json' }, savedAt: 1 });
    const statuses: AutosaveStatus[] = [];
    autosaver = startAutosave({ store: useAppStore, db: async () => db, delayMs: 5, onStatus: (s) => statuses.push(s) });
    useAppStore.setState({ document: { formatVersion: 1, name: 'broken' } });
    await autosaver.flush();
    expect((await readAutosave(db))?.document).toEqual(twoSiteShop());
    expect(statuses.at(-1)).toMatchObject({ state: 'not-saved', reason: expect.stringMatching(/has problems/) });
  });

  it('says why when the browser refuses to store', async () => {
    const statuses: AutosaveStatus[] = [];
    autosaver = startAutosave({ store: useAppStore, db: async () => Promise.reject(new Error('QuotaExceededError')), delayMs: 5, onStatus: (s) => statuses.push(s) });
    useAppStore.getState().loadSample('seasonal');
    await autosaver.flush();
    expect(statuses.at(-1)).toEqual({ state: 'not-saved', reason: 'this browser refused to store it (QuotaExceededError)' });
  });
});

describe('what opens on start', () => {
  const saved: AutosaveRecord = {
    document: twoSiteShop(),
    settings: { timeLimitSeconds: 20, mipGap: 0.05, objective: { kind: 'weighted', usdPerMs: 3 }, migrationAmortisationMonths: 24, bursting: { maxReactionMinutes: 30 } },
    source: { kind: 'file', fileName: 'shop.json' },
    savedAt: 7,
  };

  it('opens a share link with all its settings: an objective and a horizon it carries, the link defaults when it has none', async () => {
    const carried = { timeLimitSeconds: 15, mipGap: 0.01, objective: { kind: 'delay' as const, budgetUSD: 9000 }, migrationAmortisationMonths: 36, bursting: { burstRegion: 'aws', maxReactionMinutes: 45 } };
    await writeAutosave(db, saved);
    const full = encodeShareLink({ scenario: SAMPLES[1]!.document, settings: carried });
    expect(await restoreWorkingScenario({ hash: `#${full}`, store: useAppStore, readAutosave: () => readAutosave(db) })).toEqual({ opened: 'link', migrationsApplied: [] });
    expect(useAppStore.getState().settings).toEqual(carried);
  });

  it('opens an older share link (time limit and gap only) with the defaults for the rest, not the autosave’s', async () => {
    const link = encodeShareLink({ scenario: SAMPLES[2]!.document, settings: { timeLimitSeconds: 90, mipGap: 0.001 } });
    await writeAutosave(db, saved);
    const outcome = await restoreWorkingScenario({ hash: `#${link}`, store: useAppStore, readAutosave: () => readAutosave(db) });
    expect(outcome).toEqual({ opened: 'link', migrationsApplied: [] });
    const state = useAppStore.getState();
    expect(state.document).toEqual(SAMPLES[2]!.document);
    expect(state.settings).toEqual(withLimits(90, 0.001));
    expect(state.source).toEqual({ kind: 'link' });
    expect(state.linkProblem).toBeNull();
  });

  it('on a damaged link shows the error, restores the autosave and leaves it untouched', async () => {
    await writeAutosave(db, saved);
    const link = encodeShareLink({ scenario: SAMPLES[0]!.document, settings });
    const tampered = link.slice(0, 40) + (link[40] === 'A' ? 'B' : 'A') + link.slice(41);
    const outcome = await restoreWorkingScenario({ hash: `#${tampered}`, store: useAppStore, readAutosave: () => readAutosave(db) });
    expect(outcome.opened).toBe('autosave');
    const state = useAppStore.getState();
    expect(state.document).toEqual(twoSiteShop());
    expect(state.settings).toEqual(saved.settings);
    expect(state.source).toEqual({ kind: 'file', fileName: 'shop.json' });
    expect(state.linkProblem?.message).toMatch(/^the link is incomplete or damaged \(/);
    expect(await readAutosave(db)).toEqual(saved);
  });

  it('on an invalid scenario in a link lists the importer’s messages and keeps the default when nothing is saved', async () => {
    const doc = twoSiteShop();
    doc.applications[0].components[1].servers = -3;
    const outcome = await restoreWorkingScenario({ hash: encodeShareLink({ scenario: doc, settings }), store: useAppStore, readAutosave: () => readAutosave(db) });
    expect(outcome).toEqual({ opened: 'default', linkProblem: expect.anything(), autosaveProblem: null });
    const state = useAppStore.getState();
    expect(state.document).toBe(initialState.document);
    expect(state.linkProblem?.issues?.[0]?.message).toBe('applications[0].components[1].servers must be a whole number ≥ 1, got -3');
    expect(await readAutosave(db)).toBeUndefined();
  });

  it('restores the autosave when there is no link, else keeps the default sample', async () => {
    expect(await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db) })).toMatchObject({ opened: 'default' });
    expect(useAppStore.getState().document).toBe(initialState.document);
    await writeAutosave(db, saved);
    expect(await restoreWorkingScenario({ hash: '#', store: useAppStore, readAutosave: () => readAutosave(db) })).toEqual({ opened: 'autosave', linkProblem: null });
    expect(useAppStore.getState().document).toEqual(twoSiteShop());
  });

  it('ignores an autosave that no longer validates or cannot be read', async () => {
    await writeAutosave(db, { ...saved, document: { formatVersion: 1 } });
    expect(await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db) })).toEqual({
      opened: 'default',
      linkProblem: null,
      autosaveProblem: 'the autosaved scenario no longer validates',
    });
    const failing = await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => Promise.reject(new Error('disk error')) });
    expect(failing).toMatchObject({ opened: 'default', autosaveProblem: 'the autosave could not be read (disk error)' });
    expect(useAppStore.getState().document).toBe(initialState.document);
  });

  it('puts nothing into the store once the app stopped waiting', async () => {
    await writeAutosave(db, saved);
    await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db), isCancelled: () => true });
    expect(useAppStore.getState().document).toBe(initialState.document);
  });

  it('keeps settings from the autosave sane and an unknown source readable', async () => {
    await writeAutosave(db, { ...saved, settings: { timeLimitSeconds: -1, mipGap: 2 } as PlannerSettings, source: { kind: 'nonsense' } as never });
    await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db) });
    expect(useAppStore.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(useAppStore.getState().source).toEqual({ kind: 'file', fileName: 'autosave.json' });
  });

  it('reads an older autosave (time limit and gap only) with the default objective, and a damaged objective as the default', async () => {
    await writeAutosave(db, { ...saved, settings: { timeLimitSeconds: 20, mipGap: 0.05 } as PlannerSettings });
    await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db) });
    expect(useAppStore.getState().settings).toEqual(withLimits(20, 0.05));
    await writeAutosave(db, { ...saved, settings: { ...saved.settings, objective: { kind: 'delay', budgetUSD: -5 }, migrationAmortisationMonths: NaN } });
    await restoreWorkingScenario({ hash: '', store: useAppStore, readAutosave: () => readAutosave(db) });
    // The bursting choices it kept are usable, so they stay.
    expect(useAppStore.getState().settings).toEqual({ ...withLimits(20, 0.05), bursting: { maxReactionMinutes: 30 } });
  });
});
