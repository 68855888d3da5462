/**
 * What the app opens on start, and the glue between the store, the URL and
 * IndexedDB while it runs:
 *
 * - a share link in the URL hash opens first; if it cannot be opened, the error
 *   is shown and the autosaved scenario is restored instead (and left as it was);
 * - otherwise the autosaved working scenario, if there is one;
 * - otherwise the default sample, which the store starts with.
 *
 * The hash stays in the address bar until the user changes the scenario or the
 * settings; then it is removed (history.replaceState), so a reload does not
 * reopen the old link over newer work.
 */
import type { StoreApi } from 'zustand';
import { decodeShareLink } from '../../planner/share/linkCodec';
import { errorMessage } from '../errors';
import { settingsFromLink } from '../settings';
import type { AppState, LinkProblem } from '../store';
import { readAutosave, startAutosave, usableAutosave, type Autosaver } from './autosave';
import { getTierwiseDb, type AutosaveRecord } from './db';
import { useAutosaveStatus } from './status';

export type StartupOutcome =
  | { opened: 'link'; migrationsApplied: string[] }
  | { opened: 'autosave'; linkProblem: LinkProblem | null }
  | { opened: 'default'; linkProblem: LinkProblem | null; autosaveProblem: string | null };

interface RestoreOptions {
  /** location.hash, with or without `#`; empty when the URL has none. */
  hash: string;
  store: StoreApi<AppState>;
  readAutosave: () => Promise<AutosaveRecord | undefined>;
  /** True once the app has given up waiting: then nothing is put into the store any more. */
  isCancelled?: () => boolean;
}

/** Opens the share link, the autosave or leaves the default sample, as described above. */
export async function restoreWorkingScenario({ hash, store, readAutosave: read, isCancelled = () => false }: RestoreOptions): Promise<StartupOutcome> {
  let linkProblem: LinkProblem | null = null;
  if (hash.replace(/^#/, '').trim() !== '') {
    const link = decodeShareLink(hash);
    if (link.ok) {
      if (!isCancelled()) store.getState().openScenario(link.document, { kind: 'link' }, settingsFromLink(link.settings));
      return { opened: 'link', migrationsApplied: link.migrationsApplied };
    }
    linkProblem = { message: link.message, ...(link.issues ? { issues: link.issues } : {}) };
  }

  let autosaveProblem: string | null = null;
  let saved: ReturnType<typeof usableAutosave> = null;
  try {
    const record = await read();
    saved = usableAutosave(record);
    if (record !== undefined && !saved) autosaveProblem = 'the autosaved scenario no longer validates';
  } catch (error) {
    autosaveProblem = `the autosave could not be read (${errorMessage(error)})`;
  }
  if (isCancelled()) return saved ? { opened: 'autosave', linkProblem } : { opened: 'default', linkProblem, autosaveProblem };
  if (saved) store.getState().openScenario(saved.document, saved.source, saved.settings);
  // After the restore, which clears problems: the user must see why the link did not open.
  if (linkProblem) store.getState().reportLinkProblem(linkProblem);
  return saved ? { opened: 'autosave', linkProblem } : { opened: 'default', linkProblem, autosaveProblem };
}

/** How long the first paint waits for IndexedDB before it shows the default sample. */
export const STARTUP_TIMEOUT_MS = 3000;

interface Persistence {
  outcome: StartupOutcome | 'timed-out';
  autosaver: Autosaver;
}

/**
 * Restores the working scenario, then keeps it saved. Call once, before the
 * first render. Resolves within STARTUP_TIMEOUT_MS even if IndexedDB hangs.
 */
export async function startPersistence(store: StoreApi<AppState>, win: Window = window): Promise<Persistence> {
  const setStatus = useAutosaveStatus.getState().set;
  let cancelled = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const restore = restoreWorkingScenario({
    hash: win.location.hash,
    store,
    readAutosave: async () => readAutosave(await getTierwiseDb()),
    isCancelled: () => cancelled,
  });
  const outcome = await Promise.race([
    restore,
    new Promise<'timed-out'>((resolve) => {
      timeout = setTimeout(() => resolve('timed-out'), STARTUP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timeout);
  cancelled = true;

  const autosaver = startAutosave({ store, db: getTierwiseDb, onStatus: setStatus });
  if (outcome !== 'timed-out' && outcome.opened === 'link') autosaver.saveSoon();
  else if (outcome !== 'timed-out' && outcome.opened === 'autosave') setStatus({ state: 'saved', at: Date.now() });
  else {
    const reason = outcome === 'timed-out' ? 'the browser storage did not answer in time' : outcome.autosaveProblem;
    setStatus(reason ? { state: 'not-saved', reason } : { state: 'starting' });
  }

  // A link pasted into the address bar of the open app changes only the hash.
  let openingLink = false;
  win.addEventListener('hashchange', () => {
    const hash = win.location.hash;
    if (hash.replace(/^#/, '').trim() === '') return;
    const link = decodeShareLink(hash);
    openingLink = true;
    try {
      if (link.ok) store.getState().openScenario(link.document, { kind: 'link' }, settingsFromLink(link.settings));
      else store.getState().reportLinkProblem({ message: link.message, ...(link.issues ? { issues: link.issues } : {}) });
    } finally {
      openingLink = false;
    }
  });

  // The user's own change: the link in the address bar no longer describes the page.
  store.subscribe((state, previous) => {
    if (openingLink || win.location.hash === '') return;
    if (state.document !== previous.document || state.settings !== previous.settings) {
      win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
    }
  });

  // Leaving or hiding the page: write a pending change now rather than after the delay.
  win.addEventListener('pagehide', () => void autosaver.flush());
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') void autosaver.flush();
  });
  return { outcome, autosaver };
}
