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
import { DEFAULT_SETTINGS, type PlannerSettings } from './settings';

export type ScenarioSource =
  | { kind: 'sample'; sampleId: Sample['id'] }
  | { kind: 'file'; fileName: string }
  | { kind: 'link' }
  | { kind: 'library'; entryId: string; name: string };

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
  reportUnexpectedError(message: string): void;
  dismissUnexpectedError(): void;
}

const initialSample: Sample = sampleById(DEFAULT_SAMPLE_ID) ?? SAMPLES[0]!;

export const useAppStore = create<AppState>()((set) => ({
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
    }));
  },
  loadFile(fileName, document) {
    set((s) => ({ document, source: { kind: 'file', fileName }, revision: s.revision + 1, fileProblem: null, linkProblem: null }));
  },
  openScenario(document, source, settings) {
    set((s) => ({
      document,
      source,
      settings: settings ? { ...settings, objective: { ...settings.objective } } : s.settings,
      revision: s.revision + 1,
      fileProblem: null,
      linkProblem: null,
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
  setMigrationAmortisationMonths(months) {
    set((s) => ({ settings: { ...s.settings, migrationAmortisationMonths: months } }));
  },
  reportUnexpectedError(message) {
    set({ unexpectedError: message });
  },
  dismissUnexpectedError() {
    set({ unexpectedError: null });
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
    case 'sample':
      return `sample “${sampleById(source.sampleId)?.title ?? source.sampleId}”`;
  }
}
