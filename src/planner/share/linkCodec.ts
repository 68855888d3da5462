/**
 * Shareable links: a scenario and its plan settings packed into the URL hash.
 *
 *   #s2.<base64url(bytes)>
 *
 * `s` marks a Tierwise scenario link and `2` is the version of the link format
 * (not of the scenario format, which the document carries itself as
 * `formatVersion` and which `parseScenario` upgrades). This Tierwise writes
 * format 2 and reads formats 1 and 2; every format ever written stays readable.
 *
 * In both formats the scenario is the raw document (as loaded, without the
 * defaults that validation fills in): it is smaller and reopens exactly as it
 * was, down to its key order. Its "final JSON" is the compact text
 * `{"scenario":<the raw document>,"settings":{"timeLimitSeconds":…,"mipGap":…}}`.
 *
 * Settings. `timeLimitSeconds` and `mipGap` are always there. A link may also
 * hold (links made before these two were added never do) `objective` (`{"kind":"cost"}`,
 * `{"kind":"delay","budgetUSD":…}` or `{"kind":"weighted","usdPerMs":…}`) and
 * `migrationAmortisationMonths` (a whole number, 0–120). Both are optional and
 * written only when they differ from their link defaults (LINK_SETTING_DEFAULTS:
 * the cost objective, 0 months), which are part of the format and never change
 * with the app's own defaults; a link without them (every link made before) means
 * exactly those. This grows format 2 instead of starting a format 3 because the
 * settings are JSON that every reader so far checks field by field and ignores
 * members it does not know: links made before open unchanged, a link with the
 * default objective is byte for byte what it was, and an older Tierwise still opens
 * a newer link's scenario exactly (with the cost objective: the one thing it cannot
 * know). Every value is checked on reading; a bad one refuses the link with a
 * message naming the field.
 *
 * Link format 1 (Tierwise 0.1), bytes:
 *
 *   varint  length of the final JSON in bytes (LEB128)
 *   4 bytes CRC-32 of the final JSON (big-endian)
 *   …       the final JSON, compressed with raw DEFLATE
 *
 * Link format 2 adds two ways to be shorter (the webshop sample took 3,650
 * characters in format 1, a link over 2 KB is cut or refused by some chat and mail
 * apps). Bytes:
 *
 *   byte    n: length of the base sample's id; 0 = no base, the body is the final JSON
 *   n bytes the id of the built-in sample the body patches (ASCII), e.g. `webshop`
 *   (n > 0) 4 bytes CRC-32 of the base sample's canonical JSON (`JSON.stringify` of its document)
 *   (n > 0) 4 bytes CRC-32 of the final JSON (rebuilt from the sample and the patch)
 *   varint  length of the body text in bytes
 *   4 bytes CRC-32 of all the bytes above, followed by the body text
 *   …       the body text, raw DEFLATE with the preset dictionary LINK_DICTIONARY_FORMAT_2
 *
 * and the body is either the final JSON (n = 0), or (n > 0)
 * `{"settings":{…},"patch":[…]}`: an RFC 6902 JSON Patch that turns the sample's
 * document into the scenario's. A sample opened and shared unchanged is an empty
 * patch, a link of about 40 characters; a sample with a few edits stays short
 * (50–200 characters).
 * The encoder tries the whole document and a patch against every built-in sample
 * and keeps the shortest (the whole document on a tie: it depends on nothing).
 * It keeps a patch only if applying it, exactly as the decoder will, rebuilds the
 * very same final JSON, so a patch link reopens as exactly as a whole one.
 *
 * Integrity. Raw DEFLATE has no check of its own: the length and the CRC tell a
 * cut or garbled link apart from a good one instead of opening a silently different
 * scenario. In format 2 that CRC also covers the header, so damage anywhere is
 * reported as damage; then the base's CRC tells whether this Tierwise's sample is
 * still the one the link was made from. When a later Tierwise ships a changed
 * sample, an old patch link refuses to open with a message that says so (ask the
 * sender for a scenario file) instead of producing a different scenario; and the
 * CRC of the final JSON checks the rebuilt scenario itself.
 *
 * The preset dictionary (linkDictionary.ts) holds the format's field names and
 * common values; it makes a scenario that is not a sample variant 15–65 % shorter
 * (a small one about half). It is frozen with format 2: a new dictionary means a
 * new link format.
 *
 * Libraries. Compression is fflate's: a small (8 kB), well-kept, dependency-free
 * DEFLATE that runs the same in the browser, a worker and Node, with a synchronous
 * API (a link is computed on a click) and preset dictionaries. JSON Patch is
 * rfc6902's (chbrown/rfc6902, 5.x): a complete, dependency-free, MIT implementation
 * of both creating and applying patches, in TypeScript, tested against the
 * json-patch-tests suite, and still maintained. It was chosen over fast-json-patch,
 * the other well-known one, because its diff aligns arrays by edit distance:
 * removing the first of 28 components is one `remove`, where fast-json-patch's
 * compare() goes index by index and rewrites the 27 after it (its issues #155,
 * #204, #215), which would spoil exactly the short links this is for. It also lets
 * the caller steer the diff, used below to keep key order, to trim long arrays'
 * common ends and to bound the work, and it reports a failed operation as a value
 * instead of throwing. The decoder applies only `add`, `remove` and `replace`
 * (the encoder emits nothing else; `copy` could inflate a short link
 * exponentially) and checks every path itself before rfc6902 follows it, so an
 * untrusted patch can reach neither an object's prototype nor an inherited property.
 *
 * Pure: no DOM, no globals beyond TextEncoder/TextDecoder. `decodeShareLink`
 * never throws, whatever string it is given.
 */
import { deflateSync, inflateSync } from 'fflate';
import { applyPatch, createPatch, Pointer, type Operation } from 'rfc6902';
import { diffAny, diffArrays, diffObjects, type Diff } from 'rfc6902/diff.js';
import type { LayoutPlanSettings } from '../placement/planLayout';
import type { PlacementObjective } from '../placement/layoutModel';
import { SAMPLES } from '../samples';
import { parseScenario, type ValidationIssue } from '../scenario/validate';
import type { Migration } from '../scenario/migrate';
import { LINK_DICTIONARY_FORMAT_2 } from './linkDictionary';

/** The link format this Tierwise writes. Older ones stay readable through LINK_FORMAT_READERS. */
export const SHARE_LINK_VERSION = 2;
/** `s` + version + `.` starts every payload, e.g. `s2.`. */
export const SHARE_LINK_PREFIX = `s${SHARE_LINK_VERSION}.`;

/** Above this many characters (the whole URL) some chat and mail apps cut or refuse a link. */
export const SHARE_LINK_WARN_LENGTH = 2048;
/** Above this many characters a link is too long to pass around: export a scenario file instead. */
export const SHARE_LINK_FILE_EXPORT_LENGTH = 8192;

/**
 * The longest payload the decoder reads. Browsers stop at about 2 MB of URL, and a
 * cap keeps a malicious link (a "zip bomb" inflates about 1000-fold) from freezing the tab.
 */
export const MAX_SHARE_PAYLOAD_LENGTH = 512 * 1024;
/** The largest JSON text a link may claim to hold, like the 20 MB cap on opened files. */
export const MAX_SHARE_JSON_BYTES = 20 * 1024 * 1024;
/**
 * The most operations a patch link may hold. A patch that long is never the shortest
 * encoding of a scenario worth a link; the cap bounds the decoder's work (each
 * operation may shift an array).
 */
export const MAX_PATCH_OPERATIONS = 10_000;

/** The longest migration amortisation horizon a link (and the settings form) accepts, in months. */
export const MAX_AMORTISATION_MONTHS = 120;

const DICTIONARY = new TextEncoder().encode(LINK_DICTIONARY_FORMAT_2);

/** The Cloud bursting tab's choices: one region to burst to (else the cheapest), and a limit on how long a burst may take to start. */
export interface BurstPageSettings {
  burstRegion?: string;
  maxReactionMinutes?: number;
}

/** The solver settings a link carries: all that the page keeps. */
export type LinkSettings = Pick<LayoutPlanSettings, 'timeLimitSeconds' | 'mipGap' | 'objective' | 'migrationAmortisationMonths'> & {
  /** Only in a link that carries bursting choices (absent: none). */
  bursting?: BurstPageSettings;
};

/** A week, in minutes: a longer reaction limit is no limit at all for hourly periods. */
export const MAX_REACTION_MINUTES = 10_080;

/**
 * What a link without `objective` or `migrationAmortisationMonths` means (every link
 * made before they were added). Part of the link format: never change these.
 */
export const LINK_SETTING_DEFAULTS: Readonly<Pick<LinkSettings, 'objective' | 'migrationAmortisationMonths'>> = Object.freeze({
  objective: Object.freeze({ kind: 'cost' }) as PlacementObjective,
  migrationAmortisationMonths: 0,
});

export interface ShareLinkContent {
  /** The raw scenario document, as loaded (untrusted JSON until validated). */
  scenario: unknown;
  /** Settings to carry; an absent objective or horizon is the link default. */
  settings: Pick<LinkSettings, 'timeLimitSeconds' | 'mipGap'> & Partial<LinkSettings>;
}

/** A document a link may be a patch of: the built-in samples (`SAMPLES`) unless a test passes others. */
export interface ShareLinkBase {
  /** Written into the link (ASCII, 1–255 bytes), so never renamed once shipped. */
  id: string;
  /** Named in the message when the link's base has changed. */
  title: string;
  document: unknown;
}

export type DecodeResult =
  | { ok: true; document: unknown; settings: LinkSettings; migrationsApplied: string[] }
  | { ok: false; message: string; issues?: ValidationIssue[] };

export type LinkLengthVerdict = 'ok' | 'long' | 'too-long';

/** Whether a link of this many characters is fine, risky in chat and mail, or better sent as a file. */
export function judgeLinkLength(length: number): LinkLengthVerdict {
  if (length > SHARE_LINK_FILE_EXPORT_LENGTH) return 'too-long';
  if (length > SHARE_LINK_WARN_LENGTH) return 'long';
  return 'ok';
}

export interface EncodeOptions {
  /** The documents a link may patch instead of holding the whole scenario: the built-in samples by default. */
  bases?: readonly ShareLinkBase[];
}

/**
 * The hash payload (without `#`) for a scenario and its settings: the shortest of
 * the whole document and a patch of each built-in sample. Throws only if the
 * scenario is not JSON data.
 */
export function encodeShareLink({ scenario, settings }: ShareLinkContent, options: EncodeOptions = {}): string {
  const linkSettings = settingsForLink(settings);
  const json = JSON.stringify({ scenario, settings: linkSettings });
  if (json === undefined || scenario === undefined) throw new TypeError('the scenario cannot be shared: it is not JSON data');
  const finalBytes = utf8(json);
  let best = packFormat2([0], finalBytes);

  // The document as the decoder will see it (no undefined members, -0 as 0).
  const document: unknown = (JSON.parse(json) as { scenario?: unknown }).scenario;
  if (isPlainObject(document)) {
    for (const base of options.bases ?? SAMPLES) {
      const candidate = encodePatchLink(base, document, json, finalBytes, linkSettings);
      if (candidate !== null && candidate.length < best.length) best = candidate;
    }
  }
  return best;
}

/**
 * The settings object written into a link: the time limit and the gap, then the
 * objective and the horizon only when they are not the link defaults (so a link
 * with default settings is exactly what it was before they were added), with
 * nothing but the objective's own fields.
 */
function settingsForLink(settings: ShareLinkContent['settings']): Record<string, unknown> {
  const out: Record<string, unknown> = { timeLimitSeconds: settings.timeLimitSeconds, mipGap: settings.mipGap };
  const o = settings.objective;
  if (o && o.kind === 'delay') out.objective = { kind: 'delay', budgetUSD: o.budgetUSD };
  else if (o && o.kind === 'weighted') out.objective = { kind: 'weighted', usdPerMs: o.usdPerMs };
  const months = settings.migrationAmortisationMonths;
  if (months !== undefined && months !== LINK_SETTING_DEFAULTS.migrationAmortisationMonths) out.migrationAmortisationMonths = months;
  const b = settings.bursting;
  if (b && (b.burstRegion !== undefined || b.maxReactionMinutes !== undefined))
    out.bursting = { ...(b.burstRegion !== undefined ? { burstRegion: b.burstRegion } : {}), ...(b.maxReactionMinutes !== undefined ? { maxReactionMinutes: b.maxReactionMinutes } : {}) };
  return out;
}

function encodePatchLink(base: ShareLinkBase, document: Record<string, unknown>, json: string, finalBytes: Uint8Array, settings: Record<string, unknown>): string | null {
  const id = asciiBytes(base.id);
  const canonical = canonicalBase(base);
  if (!id || !canonical) return null;
  const from: unknown = JSON.parse(canonical.text);
  if (!isPlainObject(from)) return null;
  const patch = diffDocuments(from, document);
  if (!patch || patch.length > MAX_PATCH_OPERATIONS) return null;
  const body = JSON.stringify({ settings, patch });
  // A patch that spells out more than the whole document is not worth compressing.
  if (body.length >= json.length) return null;
  // Keep the patch only if the decoder, following it, gets back exactly this final JSON.
  const rebuilt = rebuildFromPatch(canonical.text, body);
  if (!rebuilt.ok || rebuilt.text !== json) return null;
  return packFormat2([id.length, ...id, ...uint32BigEndian(canonical.crc), ...uint32BigEndian(crc32(finalBytes))], utf8(body));
}

/** `s2.` + base64url of: header, varint body length, CRC-32 of header and body, the body deflated with the dictionary. */
function packFormat2(header: number[], body: Uint8Array): string {
  const head = [...header, ...writeVarint(body.length)];
  const check = crc32(concatBytes(Uint8Array.from(head), body));
  const compressed = deflateSync(body, { level: 9, dictionary: DICTIONARY });
  const bytes = new Uint8Array(head.length + 4 + compressed.length);
  bytes.set(head, 0);
  bytes.set(uint32BigEndian(check), head.length);
  bytes.set(compressed, head.length + 4);
  return `s2.${toBase64Url(bytes)}`;
}

export interface DecodeOptions {
  /** Scenario migrations; the app's own by default (tests pass their own). */
  migrations?: readonly Migration[];
  /** The documents patch links refer to: the built-in samples by default (tests pass their own). */
  bases?: readonly ShareLinkBase[];
}

/**
 * Reads a link's hash (with or without `#`, or a whole URL) back into a scenario
 * document and settings, validated as an opened file is. Never throws.
 */
export function decodeShareLink(hash: string, options: DecodeOptions = {}): DecodeResult {
  try {
    return decode(hash, options);
  } catch (error) {
    // Every expected failure is handled in decode(); this is the last line of defence.
    return damaged(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const NOT_TIERWISE = 'this is not a Tierwise link';

function damaged(detail: string): DecodeResult {
  return {
    ok: false,
    message: `the link is incomplete or damaged (${detail}); ask for it again, or for the scenario file`,
  };
}

/** What a reader makes of a link's bytes: the final JSON text, damage (a detail for `damaged`), or another refusal. */
type ReadResult = { ok: true; text: string } | { ok: false; detail: string } | { ok: false; message: string };

/** Readers for every link format this Tierwise understands: bytes → final JSON text. */
const LINK_FORMAT_READERS: Record<number, (bytes: Uint8Array, options: DecodeOptions) => ReadResult> = {
  1: readFormat1,
  2: readFormat2,
};

function decode(hash: string, options: DecodeOptions): DecodeResult {
  if (typeof hash !== 'string') return { ok: false, message: NOT_TIERWISE };
  // Accept a whole URL or a hash with its `#`; mail apps sometimes break long links over lines.
  const payload = hash.slice(hash.indexOf('#') + 1).replace(/\s+/g, '');
  if (payload === '') return { ok: false, message: `${NOT_TIERWISE} (it holds no scenario)` };
  const head = /^s(\d{1,6})\./.exec(payload);
  if (!head) return { ok: false, message: NOT_TIERWISE };
  const version = Number(head[1]);
  if (version > SHARE_LINK_VERSION) {
    return {
      ok: false,
      message: `this link was made by a newer Tierwise (link format ${version}; this one reads up to ${SHARE_LINK_VERSION}): open it there and export the scenario file`,
    };
  }
  const reader = LINK_FORMAT_READERS[version];
  if (!reader) return { ok: false, message: NOT_TIERWISE };

  const body = payload.slice(head[0].length);
  if (body.length > MAX_SHARE_PAYLOAD_LENGTH) {
    return { ok: false, message: `the link is too long to open (${body.length} characters; at most ${MAX_SHARE_PAYLOAD_LENGTH})` };
  }
  const bytes = fromBase64Url(body);
  if (!bytes) return damaged('it contains characters that a Tierwise link never has, or it was cut');
  const read = reader(bytes, options);
  if (!read.ok) return 'message' in read ? { ok: false, message: read.message } : damaged(read.detail);

  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return damaged('the data inside is not valid JSON');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('scenario' in data)) {
    return damaged('the data inside has no scenario');
  }
  const { scenario, settings: rawSettings } = data as { scenario: unknown; settings?: unknown };

  const settings = checkLinkSettings(rawSettings);
  if (!settings.ok) return { ok: false, message: `the link's solver settings are invalid: ${settings.message}` };

  const parsed = parseScenario(scenario, options.migrations);
  if (!parsed.ok) {
    const count = parsed.issues.length;
    return {
      ok: false,
      message: `the scenario in the link is not valid (${count === 1 ? '1 problem' : `${count} problems`}): ${parsed.issues[0]?.message ?? 'unknown problem'}`,
      issues: parsed.issues,
    };
  }
  return { ok: true, document: scenario, settings: settings.value, migrationsApplied: parsed.migrationsApplied };
}

function readFormat1(bytes: Uint8Array): ReadResult {
  const length = readVarint(bytes, 0);
  if (!length) return { ok: false, detail: 'it was cut before its data' };
  if (length.value > MAX_SHARE_JSON_BYTES) return { ok: false, detail: 'it claims to hold more data than any scenario' };
  const start = length.next + 4;
  if (bytes.length <= start) return { ok: false, detail: 'it was cut before its data' };
  const inflated = inflateChecked(bytes.subarray(start), length.value, undefined);
  if (!inflated.ok) return inflated;
  if (crc32(inflated.bytes) !== readUint32(bytes, length.next)) return { ok: false, detail: 'its data fails the checksum' };
  return utf8Text(inflated.bytes);
}

function readFormat2(bytes: Uint8Array, options: DecodeOptions): ReadResult {
  const cut = { ok: false, detail: 'it was cut before its data' } as const;
  if (bytes.length < 1) return cut;
  const idLength = bytes[0]!;
  let at = 1;
  let base: { id: string; crc: number; finalCrc: number } | null = null;
  if (idLength > 0) {
    if (bytes.length < at + idLength + 8) return cut;
    base = {
      id: String.fromCharCode(...bytes.subarray(at, at + idLength)),
      crc: readUint32(bytes, at + idLength),
      finalCrc: readUint32(bytes, at + idLength + 4),
    };
    at += idLength + 8;
  }
  const length = readVarint(bytes, at);
  if (!length) return cut;
  if (length.value > MAX_SHARE_JSON_BYTES) return { ok: false, detail: 'it claims to hold more data than any scenario' };
  const start = length.next + 4;
  if (bytes.length <= start) return cut;
  const inflated = inflateChecked(bytes.subarray(start), length.value, DICTIONARY);
  if (!inflated.ok) return inflated;
  if (crc32(concatBytes(bytes.subarray(0, length.next), inflated.bytes)) !== readUint32(bytes, length.next)) {
    return { ok: false, detail: 'its data fails the checksum' };
  }
  const body = utf8Text(inflated.bytes);
  if (!body.ok || base === null) return body;

  // A patch of a built-in sample. The checksum above vouches for the header, so what
  // follows is about this Tierwise's samples, not about damage.
  const sample = (options.bases ?? SAMPLES).find((s) => s.id === base.id);
  const canonical = sample ? canonicalBase(sample) : null;
  if (!sample || !canonical) {
    const name = /^[A-Za-z0-9._-]{1,40}$/.test(base.id) ? `'${base.id}'` : 'that it names';
    return {
      ok: false,
      message: `this link was made from a built-in sample (${name}) that this Tierwise does not have; ask the sender for a scenario file`,
    };
  }
  if (canonical.crc !== base.crc) {
    return {
      ok: false,
      message: `this link was made from the built-in sample '${sample.title}' as it was in another version of Tierwise, and this version's sample differs; ask the sender for a scenario file`,
    };
  }
  const rebuilt = rebuildFromPatch(canonical.text, body.text);
  if (!rebuilt.ok) return rebuilt;
  if (crc32(utf8(rebuilt.text)) !== base.finalCrc) return { ok: false, detail: 'the scenario rebuilt from the sample fails the checksum' };
  return rebuilt;
}

/**
 * Inflates into a buffer one byte longer than the link claims: a stream that inflates
 * to more than it says shows up as a wrong length. fflate writes no further than the
 * buffer it is given, so a tampered link cannot exhaust memory.
 */
function inflateChecked(data: Uint8Array, length: number, dictionary: Uint8Array | undefined): { ok: true; bytes: Uint8Array } | { ok: false; detail: string } {
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(data, { out: new Uint8Array(length + 1), ...(dictionary ? { dictionary } : {}) });
  } catch {
    return { ok: false, detail: 'its compressed data is cut or corrupted' };
  }
  if (bytes.length !== length) return { ok: false, detail: 'its data has the wrong length' };
  return { ok: true, bytes };
}

function utf8Text(bytes: Uint8Array): { ok: true; text: string } | { ok: false; detail: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, detail: 'its data is not text' };
  }
}

// ---------- patches ----------

const canonicalCache = new WeakMap<object, { text: string; crc: number }>();

/** A base document's canonical JSON (compact, key order as in its file) and its CRC-32; null if it is not JSON data. */
function canonicalBase(base: ShareLinkBase): { text: string; crc: number } | null {
  const { document } = base;
  const cached = document !== null && typeof document === 'object' ? canonicalCache.get(document) : undefined;
  if (cached) return cached;
  const text = JSON.stringify(document) as string | undefined;
  if (text === undefined) return null;
  const result = { text, crc: crc32(utf8(text)) };
  if (document !== null && typeof document === 'object') canonicalCache.set(document, result);
  return result;
}

/**
 * Applies a patch body `{"settings":…,"patch":[…]}` to a fresh copy of the base and
 * returns the final JSON. Used by the decoder, and by the encoder to check a patch.
 */
function rebuildFromPatch(baseText: string, bodyText: string): { ok: true; text: string } | { ok: false; detail: string } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, detail: 'the data inside is not valid JSON' };
  }
  if (!isPlainObject(body) || !Array.isArray(body.patch)) return { ok: false, detail: 'the data inside has no changes to a scenario' };
  const scenario: unknown = JSON.parse(baseText);
  const applied = applyPatchChecked(scenario, body.patch);
  if (!applied.ok) return applied;
  return { ok: true, text: JSON.stringify({ scenario, settings: body.settings }) };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Applies an untrusted JSON Patch in place, operation by operation, after checking
 * each one: only add, remove and replace; a path that walks own members and array
 * indices that exist; no prototype-related key anywhere. rfc6902 then does the edit.
 */
function applyPatchChecked(document: unknown, patch: readonly unknown[]): { ok: true } | { ok: false; detail: string } {
  const bad = (n: number) => ({ ok: false as const, detail: `change ${n + 1} of the patch does not apply to the sample` });
  if (patch.length > MAX_PATCH_OPERATIONS) return { ok: false, detail: `its patch has more than ${MAX_PATCH_OPERATIONS} changes` };
  for (let n = 0; n < patch.length; n++) {
    const operation = patch[n];
    if (!isPlainObject(operation)) return bad(n);
    const { op, path } = operation;
    if ((op !== 'add' && op !== 'remove' && op !== 'replace') || typeof path !== 'string' || !path.startsWith('/')) return bad(n);
    if (op !== 'remove' && !Object.hasOwn(operation, 'value')) return bad(n);
    const tokens = Pointer.fromJSON(path).tokens.slice(1);
    if (tokens.some((t) => FORBIDDEN_KEYS.has(t))) return bad(n);
    let parent: unknown = document;
    for (const token of tokens.slice(0, -1)) {
      parent = ownMember(parent, token);
      if (parent === undefined) return bad(n);
    }
    const key = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      if (op === 'add' ? key !== '-' && !(ARRAY_INDEX.test(key) && Number(key) <= parent.length) : ownMember(parent, key) === undefined) return bad(n);
    } else if (isPlainObject(parent)) {
      if (op !== 'add' && !Object.hasOwn(parent, key)) return bad(n);
    } else {
      return bad(n);
    }
    try {
      if (applyPatch(document, [operation as unknown as Operation])[0] !== null) return bad(n);
    } catch {
      return bad(n);
    }
  }
  return { ok: true };
}

/** A container's own member or array element, or undefined. */
function ownMember(container: unknown, token: string): unknown {
  if (Array.isArray(container)) return ARRAY_INDEX.test(token) && Number(token) < container.length ? container[Number(token)] : undefined;
  if (isPlainObject(container)) return Object.hasOwn(container, token) ? container[token] : undefined;
  return undefined;
}

/**
 * The diff gives up (the whole document is used) after this many comparisons per
 * node of the two documents: a variant of a sample needs about one per node, an
 * unrelated document many (and its patch would not be shorter anyway).
 */
const DIFF_CALLS_PER_NODE = 2;
const DIFF_BASE_CALLS = 1000;
/** Arrays whose differing middles are larger are compared index by index instead of by edit distance. */
const ARRAY_DIFF_MAX_CELLS = 10_000;
const ARRAY_DIFF_MAX_SPAN = 400;

class DiffBudgetExceeded extends Error {}

/**
 * An RFC 6902 patch from one JSON document to another, by rfc6902 steered three ways:
 * objects keep their key order (a moved key is removed and added again, so the
 * rebuilt text is identical); arrays drop their common start and end, and
 * rfc6902's edit-distance alignment (quadratic) runs on small middles only, comparing
 * elements by their JSON text, before the aligned pairs are diffed in depth; and
 * the whole diff stops after a budget of comparisons. Null when it gave up.
 */
function diffDocuments(from: unknown, to: unknown): Operation[] | null {
  const budget = { left: DIFF_BASE_CALLS + DIFF_CALLS_PER_NODE * (countNodes(from) + countNodes(to)) };
  const diff: Diff = (input, output, ptr) => {
    if (--budget.left < 0) throw new DiffBudgetExceeded();
    if (input === output) return [];
    if (Array.isArray(input) && Array.isArray(output)) return diffArraysTrimmed(input, output, ptr, diff, budget);
    if (isPlainObject(input) && isPlainObject(output)) return diffObjectsInOrder(input, output, ptr, diff);
    return diffAny(input, output, ptr, diff);
  };
  try {
    return createPatch(from, to, diff);
  } catch (error) {
    if (error instanceof DiffBudgetExceeded || error instanceof RangeError) return null;
    throw error;
  }
}

function diffArraysTrimmed(input: unknown[], output: unknown[], ptr: Pointer, diff: Diff, budget: { left: number }): Operation[] {
  const inputTexts = input.map((x) => JSON.stringify(x));
  const outputTexts = output.map((x) => JSON.stringify(x));
  let start = 0;
  while (start < input.length && start < output.length && inputTexts[start] === outputTexts[start]) start++;
  let end = 0;
  while (end < input.length - start && end < output.length - start && inputTexts[input.length - 1 - end] === outputTexts[output.length - 1 - end]) end++;
  const from = input.slice(start, input.length - end);
  const to = output.slice(start, output.length - end);
  if (from.length === 0 && to.length === 0) return [];
  const at = (index: number) => ptr.add(String(start + index));

  if (from.length * to.length <= ARRAY_DIFF_MAX_CELLS && from.length + to.length <= ARRAY_DIFF_MAX_SPAN) {
    budget.left -= Math.ceil((from.length * to.length) / 8);
    // Align by JSON text: rfc6902 answers with adds, removes and whole replaces of
    // elements (relative to the middle); each replaced pair is then diffed in depth.
    const alignment = diffArrays(inputTexts.slice(start, input.length - end), outputTexts.slice(start, output.length - end), new Pointer(), (a, b, p) =>
      a === b ? [] : [{ op: 'replace', path: p.toString(), value: b }],
    );
    const origin = from.map((_, i) => i); // which element of `from` each position of the middle holds (-1: added)
    const operations: Operation[] = [];
    for (const step of alignment) {
      const token = step.path.slice(1);
      const position = token === '-' ? origin.length : Number(token);
      if (step.op === 'add') {
        const path = token === '-' && end === 0 ? ptr.add('-') : at(position);
        operations.push({ op: 'add', path: path.toString(), value: JSON.parse(step.value as string) as unknown });
        origin.splice(position, 0, -1);
      } else if (step.op === 'remove') {
        operations.push({ op: 'remove', path: at(position).toString() });
        origin.splice(position, 1);
      } else if (step.op === 'replace') {
        operations.push(...diff(from[origin[position]!], JSON.parse(step.value as string), at(position)));
      }
    }
    return operations;
  }
  // Index by index: edits in place, then the added or removed tail.
  const operations: Operation[] = [];
  const common = Math.min(from.length, to.length);
  for (let i = 0; i < common; i++) operations.push(...diff(from[i], to[i], at(i)));
  for (let i = common; i < to.length; i++) operations.push({ op: 'add', path: at(i).toString(), value: to[i] });
  for (let i = common; i < from.length; i++) operations.push({ op: 'remove', path: at(common).toString() });
  return operations;
}

function diffObjectsInOrder(input: Record<string, unknown>, output: Record<string, unknown>, ptr: Pointer, diff: Diff): Operation[] {
  const inputKeys = Object.keys(input);
  const outputKeys = Object.keys(output);
  const inOutput = new Set(outputKeys);
  const inInput = new Set(inputKeys);
  // rfc6902 removes, then adds at the end in the output's order, then edits in place.
  const resulting = [...inputKeys.filter((k) => inOutput.has(k)), ...outputKeys.filter((k) => !inInput.has(k))];
  if (resulting.every((k, i) => k === outputKeys[i])) return diffObjects(input, output, ptr, diff);

  // Keep the longest start of the output's keys that the input has in the same order;
  // remove the others and add them back, in order, at the end.
  const position = new Map(inputKeys.map((k, i) => [k, i]));
  let kept = 0;
  for (let last = -1; kept < outputKeys.length; kept++) {
    const i = position.get(outputKeys[kept]!);
    if (i === undefined || i < last) break;
    last = i;
  }
  const keep = new Set(outputKeys.slice(0, kept));
  const operations: Operation[] = [];
  for (const k of inputKeys) if (!keep.has(k)) operations.push({ op: 'remove', path: ptr.add(k).toString() });
  for (const k of outputKeys.slice(kept)) operations.push({ op: 'add', path: ptr.add(k).toString(), value: output[k] });
  for (const k of outputKeys.slice(0, kept)) operations.push(...diff(input[k], output[k], ptr.add(k)));
  return operations;
}

function countNodes(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let n = 1;
  for (const member of Object.values(value)) n += countNodes(member);
  return n;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The time limit and gap of a link or a saved record: a time limit > 0 seconds and a relative gap 0 ≤ gap < 1. */
export function checkPlanSettings(value: unknown): { ok: true; value: Pick<LinkSettings, 'timeLimitSeconds' | 'mipGap'> } | { ok: false; message: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'the settings are missing' };
  }
  const { timeLimitSeconds, mipGap } = value as Record<string, unknown>;
  if (typeof timeLimitSeconds !== 'number' || !Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) {
    return { ok: false, message: `the time limit must be a number of seconds > 0, got ${show(timeLimitSeconds)}` };
  }
  if (typeof mipGap !== 'number' || !Number.isFinite(mipGap) || mipGap < 0 || mipGap >= 1) {
    return { ok: false, message: `the MIP gap must be a fraction from 0 to less than 1, got ${show(mipGap)}` };
  }
  return { ok: true, value: { timeLimitSeconds, mipGap } };
}

/**
 * All the settings of a link: the time limit and the gap as checkPlanSettings wants
 * them, and, when present, an objective (cost; delay with a budget ≥ 0 USD; weighted
 * with ≥ 0 USD per ms) and a horizon (a whole number of months, 0–120). Absent ones
 * are the link defaults; a present but unusable one is refused, never replaced.
 */
export function checkLinkSettings(value: unknown): { ok: true; value: LinkSettings } | { ok: false; message: string } {
  const basic = checkPlanSettings(value);
  if (!basic.ok) return basic;
  const raw = value as Record<string, unknown>;

  let objective: PlacementObjective = { ...LINK_SETTING_DEFAULTS.objective };
  if (raw.objective !== undefined) {
    const o = raw.objective;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return { ok: false, message: `the objective must be an object with a kind, got ${show(o)}` };
    const { kind, budgetUSD, usdPerMs } = o as Record<string, unknown>;
    const amount = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
    if (kind === 'cost') objective = { kind };
    else if (kind === 'delay') {
      if (!amount(budgetUSD)) return { ok: false, message: `the objective's monthly budget (budgetUSD) must be a number of USD ≥ 0, got ${show(budgetUSD)}` };
      objective = { kind, budgetUSD: budgetUSD as number };
    } else if (kind === 'weighted') {
      if (!amount(usdPerMs)) return { ok: false, message: `the objective's weight (usdPerMs) must be a number of USD per ms ≥ 0, got ${show(usdPerMs)}` };
      objective = { kind, usdPerMs: usdPerMs as number };
    } else return { ok: false, message: `the objective's kind must be "cost", "delay" or "weighted", got ${show(kind)}` };
  }

  const months = raw.migrationAmortisationMonths === undefined ? LINK_SETTING_DEFAULTS.migrationAmortisationMonths : raw.migrationAmortisationMonths;
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > MAX_AMORTISATION_MONTHS) {
    return { ok: false, message: `the migration amortisation horizon must be a whole number of months from 0 to ${MAX_AMORTISATION_MONTHS}, got ${show(months)}` };
  }
  const bursting = checkBurstLinkSettings(raw.bursting);
  if (!bursting.ok) return bursting;
  return { ok: true, value: { ...basic.value, objective, migrationAmortisationMonths: months, ...(raw.bursting !== undefined ? { bursting: bursting.value } : {}) } };
}

/** The bursting choices of a link or a saved record: absent is none; a present but unusable one is refused. */
export function checkBurstLinkSettings(value: unknown): { ok: true; value: BurstPageSettings } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, value: {} };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `the bursting settings must be an object, got ${show(value)}` };
  const { burstRegion, maxReactionMinutes, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return { ok: false, message: `the bursting settings have an unknown field "${unknown[0]}"` };
  const out: BurstPageSettings = {};
  if (burstRegion !== undefined) {
    if (typeof burstRegion !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(burstRegion)) return { ok: false, message: `the burst region must be a site id, got ${show(burstRegion)}` };
    out.burstRegion = burstRegion;
  }
  if (maxReactionMinutes !== undefined) {
    if (typeof maxReactionMinutes !== 'number' || !Number.isFinite(maxReactionMinutes) || maxReactionMinutes <= 0 || maxReactionMinutes > MAX_REACTION_MINUTES)
      return { ok: false, message: `the bursting reaction limit must be a number of minutes above 0 and at most ${MAX_REACTION_MINUTES}, got ${show(maxReactionMinutes)}` };
    out.maxReactionMinutes = maxReactionMinutes;
  }
  return { ok: true, value: out };
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

// ---------- bytes ----------

function writeVarint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 5; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: i + 1 };
    scale *= 0x80;
  }
  return null;
}

function uint32BigEndian(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The bytes of a 1–255 character ASCII text, or null. */
function asciiBytes(text: string): number[] | null {
  if (text.length < 1 || text.length > 255) return null;
  const bytes = Array.from(text, (c) => c.charCodeAt(0));
  return bytes.every((b) => b > 0x20 && b < 0x7f) ? bytes : null;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as in zip and PNG). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE_TABLE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** base64url without padding (RFC 4648 §5): URL-safe, so the hash needs no escaping. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  return out;
}

/** The bytes of a base64url text, or null when it has a foreign character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? DECODE_TABLE[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
