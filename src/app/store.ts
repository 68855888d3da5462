/**
 * The app's one client-side store: the scenario document being planned, where
 * it came from, and the solver settings. The document is kept exactly as it was
 * loaded (raw JSON); validation is derived from it, never stored beside it.
 *
 * Components read the store through the selectors and hooks below.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { parseScenario, type ParseResult, type ValidationIssue } from '../planner';
import type { PlacementObjective } from '../planner/placement/layoutModel';
import { DEFAULT_SAMPLE_ID, SAMPLES, sampleById, type Sample } from '../planner/samples';
import { emptyScenario } from './editing/scenarioEdits';
import { DEFAULT_SETTINGS, type BurstPageSettings, type PlannerSettings } from './settings';

export type ScenarioSource =
  | { kind: 'sample'; sampleId: Sample['id'] }
  | { kind: 'file'; fileName: string }
  | { kind: 'link' }
  | { kind: 'library'; entryId: string; name: string }
  /** Started from "New empty scenario" in the editor. */
  | { kind: 'new' };

/** A shared link that could not be opened; the saved work stays. */
export interface LinkProblem {
  message: string;
  issues?: ValidationIssue[];
}

/** A file the user tried to open and that was refused; the current scenario stays. */
export interface FileProblem {
  fileName: string;
  issues: ValidationIssue[];
}

/** One undoable state: the document and where it came from (a new empty scenario changes both). */
interface HistoryEntry {
  document: unknown;
  source: ScenarioSource;
}

/**
 * Undo history kept in the store rather than by a middleware (zundo): the editor
 * knows which field an edit is for, so typing into one field is one undo step,
 * while two quick edits of different fields stay two steps. Time-based
 * throttling cannot tell those apart.
 */
export interface EditHistory {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The field (or action) of the last edit and when it happened, to fold keystrokes into one step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
/** Edits of the same field closer together than this are one undo step. */
export const COALESCE_MS = 1000;

export interface AppState {
  /** The scenario document as loaded: untrusted JSON until validated. */
  document: unknown;
  source: ScenarioSource;
  /** Increases with every load, so results of an older document are recognisable as stale. */
  revision: number;
  settings: PlannerSettings;
  fileProblem: FileProblem | null;
  linkProblem: LinkProblem | null;
  /** An error that escaped every handler (unhandled rejection, script error). */
  unexpectedError: string | null;

  loadSample(id: string): void;
  loadFile(fileName: string, document: unknown): void;
  /** Replaces the scenario (a shared link, a saved one, the autosave), with its settings when it has them. */
  openScenario(document: unknown, source: ScenarioSource, settings?: PlannerSettings): void;
  reportLinkProblem(problem: LinkProblem): void;
  dismissLinkProblem(): void;
  reportFileProblem(problem: FileProblem): void;
  dismissFileProblem(): void;
  setTimeLimitSeconds(seconds: number): void;
  setMipGap(gap: number): void;
  setObjective(objective: PlacementObjective): void;
  setMigrationAmortisationMonths(months: number): void;
  /** The Cloud bursting tab's region and reaction limit (kept with the settings, so autosave and links carry them). */
  setBurstingSettings(bursting: BurstPageSettings): void;
  reportUnexpectedError(message: string): void;
  dismissUnexpectedError(): void;

  history: EditHistory;
  /**
   * Replaces the document with an edited one (`change` gets the current raw document
   * and returns the next; see editing/scenarioEdits.ts). Undoable. Successive edits with
   * the same `coalesceKey` within COALESCE_MS are one undo step (typing into a field).
   */
  edit(change: (document: unknown) => unknown, coalesceKey?: string): void;
  /** Starts from an empty scenario (undoable, like any edit). */
  newScenario(): void;
  undo(): void;
  redo(): void;
}

const initialSample: Sample = sampleById(DEFAULT_SAMPLE_ID) ?? SAMPLES[0]!;

const emptyHistory = (): EditHistory => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Time source for coalescing, replaceable in tests. */
export const editClock = { now: () => Date.now() };

export const useAppStore = create<AppState>()((set, get) => ({
  document: initialSample.document,
  source: { kind: 'sample', sampleId: initialSample.id },
  revision: 0,
  settings: { ...DEFAULT_SETTINGS },
  fileProblem: null,
  linkProblem: null,
  unexpectedError: null,

  loadSample(id) {
    const sample = sampleById(id);
    if (!sample) return;
    set((s) => ({
      document: sample.document,
      source: { kind: 'sample', sampleId: sample.id },
      revision: s.revision + 1,
      fileProblem: null,
      linkProblem: null,
      history: emptyHistory(),
    }));
  },
  loadFile(fileName, document) {
    set((s) => ({ document, source: { kind: 'file', fileName }, revision: s.revision + 1, fileProblem: null, linkProblem: null, history: emptyHistory() }));
  },
  openScenario(document, source, settings) {
    set((s) => ({
      document,
      source,
      settings: settings ? { ...settings, objective: { ...settings.objective } } : s.settings,
      revision: s.revision + 1,
      fileProblem: null,
      linkProblem: null,
      history: emptyHistory(),
    }));
  },
  reportLinkProblem(problem) {
    set({ linkProblem: problem });
  },
  dismissLinkProblem() {
    set({ linkProblem: null });
  },
  reportFileProblem(problem) {
    set({ fileProblem: problem });
  },
  dismissFileProblem() {
    set({ fileProblem: null });
  },
  setTimeLimitSeconds(seconds) {
    set((s) => ({ settings: { ...s.settings, timeLimitSeconds: seconds } }));
  },
  setMipGap(gap) {
    set((s) => ({ settings: { ...s.settings, mipGap: gap } }));
  },
  setObjective(objective) {
    set((s) => ({ settings: { ...s.settings, objective: { ...objective } } }));
  },
  setBurstingSettings(bursting) {
    set((s) => ({ settings: { ...s.settings, bursting: { ...bursting } } }));
  },
  setMigrationAmortisationMonths(months) {
    set((s) => ({ settings: { ...s.settings, migrationAmortisationMonths: months } }));
  },
  reportUnexpectedError(message) {
    set({ unexpectedError: message });
  },
  dismissUnexpectedError() {
    set({ unexpectedError: null });
  },

  history: emptyHistory(),
  edit(change, coalesceKey) {
    const s = get();
    const next = change(s.document);
    if (next === s.document) return;
    const now = editClock.now();
    const { history } = s;
    const fold = coalesceKey !== undefined && coalesceKey === history.lastKey && now - history.lastAt < COALESCE_MS && history.past.length > 0;
    const past = fold ? history.past : [...history.past, { document: s.document, source: s.source }].slice(-HISTORY_LIMIT);
    set({ document: next, revision: s.revision + 1, history: { past, future: [], lastKey: coalesceKey ?? null, lastAt: now } });
  },
  newScenario() {
    const s = get();
    set({
      document: emptyScenario(),
      source: { kind: 'new' },
      revision: s.revision + 1,
      fileProblem: null,
      linkProblem: null,
      history: { past: [...s.history.past, { document: s.document, source: s.source }].slice(-HISTORY_LIMIT), future: [], lastKey: null, lastAt: 0 },
    });
  },
  undo() {
    const s = get();
    const previous = s.history.past[s.history.past.length - 1];
    if (!previous) return;
    set({
      document: previous.document,
      source: previous.source,
      revision: s.revision + 1,
      history: { past: s.history.past.slice(0, -1), future: [{ document: s.document, source: s.source }, ...s.history.future], lastKey: null, lastAt: 0 },
    });
  },
  redo() {
    const s = get();
    const next = s.history.future[0];
    if (!next) return;
    set({
      document: next.document,
      source: next.source,
      revision: s.revision + 1,
      history: { past: [...s.history.past, { document: s.document, source: s.source }], future: s.history.future.slice(1), lastKey: null, lastAt: 0 },
    });
  },
}));

// Selectors: plain functions of the state, so components subscribe to just what they show.
export const selectDocument = (s: AppState) => s.document;
export const selectSource = (s: AppState) => s.source;
export const selectRevision = (s: AppState) => s.revision;
export const selectSettings = (s: AppState) => s.settings;
export const selectFileProblem = (s: AppState) => s.fileProblem;
export const selectLinkProblem = (s: AppState) => s.linkProblem;
export const selectUnexpectedError = (s: AppState) => s.unexpectedError;
export const selectSampleId = (s: AppState) => (s.source.kind === 'sample' ? s.source.sampleId : null);
export const selectCanUndo = (s: AppState) => s.history.past.length > 0;
export const selectCanRedo = (s: AppState) => s.history.future.length > 0;

// Validation is memoised per document object: the same document is parsed once,
// however many components ask.
const validations = new WeakMap<object, ParseResult>();

export function validateDocument(document: unknown): ParseResult {
  if (document === null || typeof document !== 'object') return parseScenario(document);
  let result = validations.get(document);
  if (!result) {
    result = parseScenario(document);
    validations.set(document, result);
  }
  return result;
}

/** The current document's validation: the parsed scenario (defaults filled in) or its issues. */
export function useScenarioValidation(): ParseResult {
  const document = useAppStore(selectDocument);
  return useMemo(() => validateDocument(document), [document]);
}

/** The scenario's name as the user knows it, even when the document does not validate. */
export function useScenarioName(): string {
  const validation = useScenarioValidation();
  const document = useAppStore(selectDocument);
  const source = useAppStore(selectSource);
  if (validation.ok) return validation.scenario.name;
  const raw = document !== null && typeof document === 'object' ? (document as { name?: unknown }).name : undefined;
  if (typeof raw === 'string' && raw.trim() !== '') return raw;
  switch (source.kind) {
    case 'file':
      return source.fileName;
    case 'library':
      return source.name;
    case 'link':
      return 'Shared scenario';
    case 'new':
      return 'New scenario';
    case 'sample':
      return sampleById(source.sampleId)?.title ?? source.sampleId;
  }
}

/** "sample “Three-tier web shop”" or "file shop.json": where the current scenario came from. */
export function describeSource(source: ScenarioSource): string {
  switch (source.kind) {
    case 'file':
      return `file ${source.fileName}`;
    case 'library':
      return `library “${source.name}”`;
    case 'link':
      return 'a shared link';
    case 'new':
      return 'a new empty scenario';
    case 'sample':
      return `sample “${sampleById(source.sampleId)?.title ?? source.sampleId}”`;
  }
}
