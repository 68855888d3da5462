/** The library of named scenarios, kept in IndexedDB: save as, rename, duplicate, delete, open. */
import type { PlannerSettings } from '../settings';
import type { LibraryEntry, TierwiseDb } from './db';

export const MAX_NAME_LENGTH = 200;

/** A name the user typed, trimmed; throws a message fit for the user when it cannot be used. */
export function cleanScenarioName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new Error('Give the scenario a name.');
  if (clean.length > MAX_NAME_LENGTH) throw new Error(`A name can have at most ${MAX_NAME_LENGTH} characters; this one has ${clean.length}.`);
  return clean;
}

function newId(): string {
  // randomUUID needs a secure context; a plain-http deployment gets a time-and-random id instead.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Every saved scenario, most recently saved first. */
export async function listScenarios(db: TierwiseDb): Promise<LibraryEntry[]> {
  const entries = await db.getAll('scenarios');
  return entries.sort((a, b) => b.savedAt - a.savedAt || a.name.localeCompare(b.name));
}

export async function getScenario(db: TierwiseDb, id: string): Promise<LibraryEntry> {
  const entry = await db.get('scenarios', id);
  if (!entry) throw new Error('That saved scenario is no longer in the library (deleted in another tab?).');
  return entry;
}

export async function saveScenarioAs(
  db: TierwiseDb,
  { name, document, settings }: { name: string; document: unknown; settings: PlannerSettings },
  now: number = Date.now(),
): Promise<LibraryEntry> {
  const entry: LibraryEntry = { id: newId(), name: cleanScenarioName(name), savedAt: now, document, settings: { ...settings, objective: { ...settings.objective } } };
  await db.add('scenarios', entry);
  return entry;
}

export async function renameScenario(db: TierwiseDb, id: string, name: string, now: number = Date.now()): Promise<LibraryEntry> {
  const clean = cleanScenarioName(name);
  const tx = db.transaction('scenarios', 'readwrite');
  const entry = await tx.store.get(id);
  if (!entry) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error('That saved scenario is no longer in the library (deleted in another tab?).');
  }
  const renamed = { ...entry, name: clean, savedAt: now };
  await tx.store.put(renamed);
  await tx.done;
  return renamed;
}

/** "Plan (copy)", or "Plan (copy 2)" and so on when that name is taken. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const suffix = ` (copy${n === 1 ? '' : ` ${n}`})`;
    const candidate = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function duplicateScenario(db: TierwiseDb, id: string, now: number = Date.now()): Promise<LibraryEntry> {
  const tx = db.transaction('scenarios', 'readwrite');
  const [entry, all] = await Promise.all([tx.store.get(id), tx.store.getAll()]);
  if (!entry) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error('That saved scenario is no longer in the library (deleted in another tab?).');
  }
  const copy: LibraryEntry = { ...entry, id: newId(), name: copyName(entry.name, new Set(all.map((e) => e.name))), savedAt: now };
  await tx.store.add(copy);
  await tx.done;
  return copy;
}

export async function deleteScenario(db: TierwiseDb, id: string): Promise<void> {
  await db.delete('scenarios', id);
}
