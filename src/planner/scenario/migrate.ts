/**
 * Upgrades saved scenarios, link payloads and files from older format versions.
 *
 * Each entry lifts a document from `from` to `from + 1` and never fails on a
 * document that was valid in version `from`: a file saved today must open after
 * the format changes. Add a step here (and a fixture test) in the same commit
 * that raises CURRENT_FORMAT_VERSION.
 */
import { CURRENT_FORMAT_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  /** One sentence shown to the user after an upgrade. */
  summary: string;
  up(doc: JsonObject): JsonObject;
}

/** Version 1 is the first released format, so there is nothing to lift yet. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; doc: JsonObject; applied: string[]; fromVersion: number }
  | { ok: false; message: string };

export function migrateToCurrent(
  input: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: 'the scenario must be a JSON object, got ' + describeKind(input) };
  }
  const version = (input as JsonObject).formatVersion;
  if (version === undefined) {
    return { ok: false, message: 'formatVersion is required (this file does not look like a Tierwise scenario)' };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `formatVersion must be a whole number ≥ 1, got ${JSON.stringify(version)}` };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      message: `formatVersion ${version} was written by a newer Tierwise; this one reads formats up to ${currentVersion}`,
    };
  }
  let doc: JsonObject = structuredClone(input as JsonObject);
  const applied: string[] = [];
  for (let v = version; v < currentVersion; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return { ok: false, message: `no migration from format ${v} to ${v + 1} (this is a bug in Tierwise)` };
    }
    doc = { ...step.up(doc), formatVersion: v + 1 };
    applied.push(step.summary);
  }
  return { ok: true, doc, applied, fromVersion: version };
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
