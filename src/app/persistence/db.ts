/**
 * The browser's IndexedDB database of Tierwise: the autosave of the working
 * scenario and the library of named scenarios. Nothing here leaves the machine.
 *
 * IndexedDB is used through idb: a ~1 kB, well-kept promise wrapper by a Chrome
 * engineer that keeps the raw API (stores, transactions, indexes) but types the
 * schema and replaces request callbacks with promises. It stores the documents
 * as structured clones, so a scenario of any size needs no extra serialisation.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PlannerSettings } from '../settings';
import type { ScenarioSource } from '../store';

export const DB_NAME = 'tierwise';
/** Raise with an upgrade step below whenever the stores or indexes change. */
export const DB_VERSION = 1;

/** The working scenario as it was last changed: restored when the app starts. */
export interface AutosaveRecord {
  /** The raw scenario document, as loaded. */
  document: unknown;
  settings: PlannerSettings;
  /** Where the scenario came from, for the header ("from sample …"). */
  source: ScenarioSource;
  /** Epoch milliseconds. */
  savedAt: number;
}

/** One named scenario in the library. */
export interface LibraryEntry {
  id: string;
  name: string;
  /** Epoch milliseconds of the last save or rename. */
  savedAt: number;
  document: unknown;
  settings: PlannerSettings;
}

export interface TierwiseDbSchema extends DBSchema {
  /** One record under AUTOSAVE_KEY. */
  autosave: { key: string; value: AutosaveRecord };
  scenarios: { key: string; value: LibraryEntry; indexes: { bySavedAt: number } };
}

export type TierwiseDb = IDBPDatabase<TierwiseDbSchema>;

export const AUTOSAVE_KEY = 'current';

export async function openTierwiseDb(name: string = DB_NAME): Promise<TierwiseDb> {
  let opened: TierwiseDb | null = null;
  opened = await openDB<TierwiseDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('autosave');
        db.createObjectStore('scenarios', { keyPath: 'id' }).createIndex('bySavedAt', 'savedAt');
      }
    },
    // A newer Tierwise in another tab wants to upgrade the database: let it (this tab's next write reopens).
    blocking() {
      opened?.close();
      if (name === DB_NAME) appDb = null;
    },
    // The browser closed the connection (storage cleared, disk error): reopen on the next use.
    terminated() {
      if (name === DB_NAME) appDb = null;
    },
  });
  return opened;
}

let appDb: Promise<TierwiseDb> | null = null;

/** The app's connection, opened once on first use. A failed open is retried on the next call. */
export function getTierwiseDb(): Promise<TierwiseDb> {
  if (!appDb) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser has no IndexedDB storage'));
    const pending = openTierwiseDb();
    appDb = pending;
    pending.catch(() => {
      if (appDb === pending) appDb = null;
    });
  }
  return appDb;
}
