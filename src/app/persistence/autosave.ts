/**
 * Autosave: the working scenario, its settings and where it came from are
 * written to IndexedDB a moment (AUTOSAVE_DELAY_MS) after every change, so a
 * reload or a crashed tab loses nothing. Only a document that validates is ever
 * written: the autosave always holds something that opens.
 */
import type { StoreApi } from 'zustand';
import { checkSettings, DEFAULT_SETTINGS } from '../settings';
import { errorMessage } from '../errors';
import { validateDocument, type AppState, type ScenarioSource } from '../store';
import { AUTOSAVE_KEY, type AutosaveRecord, type TierwiseDb } from './db';
import type { AutosaveStatus } from './status';

export const AUTOSAVE_DELAY_MS = 300;

export async function readAutosave(db: TierwiseDb): Promise<AutosaveRecord | undefined> {
  return db.get('autosave', AUTOSAVE_KEY);
}

export async function writeAutosave(db: TierwiseDb, record: AutosaveRecord): Promise<void> {
  await db.put('autosave', record, AUTOSAVE_KEY);
}

/** The record's parts that can be trusted: null when the document does not validate (a damaged or foreign record). */
export function usableAutosave(record: unknown): Omit<AutosaveRecord, 'savedAt'> | null {
  if (record === null || typeof record !== 'object') return null;
  const { document, settings, source } = record as Partial<AutosaveRecord>;
  if (!validateDocument(document).ok) return null;
  return { document, settings: checkSettings(settings) ?? { ...DEFAULT_SETTINGS }, source: usableSource(source) };
}

function usableSource(source: unknown): ScenarioSource {
  const s = (source ?? {}) as Record<string, unknown>;
  if (s.kind === 'sample' && (s.sampleId === 'webshop' || s.sampleId === 'enterprise' || s.sampleId === 'seasonal')) return { kind: 'sample', sampleId: s.sampleId };
  if (s.kind === 'file' && typeof s.fileName === 'string') return { kind: 'file', fileName: s.fileName };
  if (s.kind === 'new') return { kind: 'new' };
  if (s.kind === 'library' && typeof s.entryId === 'string' && typeof s.name === 'string') return { kind: 'library', entryId: s.entryId, name: s.name };
  // Written by some other version: say where it is from in the plainest terms.
  return { kind: 'file', fileName: 'autosave.json' };
}

export interface Autosaver {
  /** Saves after the usual delay (e.g. right after a shared link was opened). */
  saveSoon(): void;
  /** Writes a pending change now (the page is being hidden or closed). */
  flush(): Promise<void>;
  stop(): void;
}

interface AutosaveOptions {
  store: StoreApi<AppState>;
  db: () => Promise<TierwiseDb>;
  delayMs?: number;
  onStatus?: (status: AutosaveStatus) => void;
  now?: () => number;
}

export function startAutosave({ store, db, delayMs = AUTOSAVE_DELAY_MS, onStatus = () => {}, now = Date.now }: AutosaveOptions): Autosaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  // Writes go one after another, so an older state never lands after a newer one.
  let queue: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!dirty) return queue;
    dirty = false;
    const { document, settings, source } = store.getState();
    queue = queue.then(async () => {
      if (!validateDocument(document).ok) {
        onStatus({ state: 'not-saved', reason: 'the scenario has problems, so the last valid one is kept' });
        return;
      }
      try {
        await writeAutosave(await db(), { document, settings, source, savedAt: now() });
        if (!dirty) onStatus({ state: 'saved', at: now() });
      } catch (error) {
        onStatus({ state: 'not-saved', reason: `this browser refused to store it (${errorMessage(error)})` });
      }
    });
    return queue;
  };

  const saveSoon = () => {
    dirty = true;
    onStatus({ state: 'pending' });
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), delayMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.document !== previous.document || state.settings !== previous.settings || state.source !== previous.source) saveSoon();
  });

  return {
    saveSoon,
    flush: write,
    stop() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
