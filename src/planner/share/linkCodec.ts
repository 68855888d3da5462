/**
 * Shareable links: a scenario and its plan settings packed into the URL hash.
 *
 *   #s1.<base64url(bytes)>
 *
 * `s` marks a Tierwise scenario link and `1` is the version of the link format
 * (not of the scenario format, which the document carries itself as
 * `formatVersion` and which `parseScenario` upgrades). Link format 1's bytes are
 *
 *   varint  length of the JSON text in bytes (LEB128)
 *   4 bytes CRC-32 of the JSON text (big-endian)
 *   …       the JSON text, compressed with raw DEFLATE
 *
 * and the JSON text is `{"scenario":<the raw document>,"settings":{…}}`, compact.
 * Raw DEFLATE has no check of its own, so the length and the CRC tell a cut or
 * garbled link apart from a good one instead of opening a silently different
 * scenario. The raw document (as loaded, without the defaults that validation
 * fills in) is what is encoded: it is smaller and reopens exactly as it was.
 *
 * Compression is fflate's: a small (8 kB), well-kept, dependency-free DEFLATE
 * that runs the same in the browser, a worker and Node; its synchronous API
 * suits a link computed on a click.
 *
 * Pure: no DOM, no globals beyond TextEncoder/TextDecoder. `decodeShareLink`
 * never throws, whatever string it is given.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { PlanSettings } from '../index';
import { parseScenario, type ValidationIssue } from '../scenario/validate';
import type { Migration } from '../scenario/migrate';

/** The link format this Tierwise writes. Older ones stay readable through LINK_FORMAT_READERS. */
export const SHARE_LINK_VERSION = 1;
/** `s` + version + `.` starts every payload, e.g. `s1.`. */
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

export interface ShareLinkContent {
  /** The raw scenario document, as loaded (untrusted JSON until validated). */
  scenario: unknown;
  settings: PlanSettings;
}

export type DecodeResult =
  | { ok: true; document: unknown; settings: PlanSettings; migrationsApplied: string[] }
  | { ok: false; message: string; issues?: ValidationIssue[] };

export type LinkLengthVerdict = 'ok' | 'long' | 'too-long';

/** Whether a link of this many characters is fine, risky in chat and mail, or better sent as a file. */
export function judgeLinkLength(length: number): LinkLengthVerdict {
  if (length > SHARE_LINK_FILE_EXPORT_LENGTH) return 'too-long';
  if (length > SHARE_LINK_WARN_LENGTH) return 'long';
  return 'ok';
}

/** The hash payload (without `#`) for a scenario and its settings. Throws only if the scenario is not JSON data. */
export function encodeShareLink({ scenario, settings }: ShareLinkContent): string {
  const json = JSON.stringify({
    scenario,
    settings: { timeLimitSeconds: settings.timeLimitSeconds, mipGap: settings.mipGap },
  });
  if (json === undefined || scenario === undefined) throw new TypeError('the scenario cannot be shared: it is not JSON data');
  const text = new TextEncoder().encode(json);
  const compressed = deflateSync(text, { level: 9, mem: 12 });
  const header = [...writeVarint(text.length), ...uint32BigEndian(crc32(text))];
  const bytes = new Uint8Array(header.length + compressed.length);
  bytes.set(header, 0);
  bytes.set(compressed, header.length);
  return SHARE_LINK_PREFIX + toBase64Url(bytes);
}

export interface DecodeOptions {
  /** Scenario migrations; the app's own by default (tests pass their own). */
  migrations?: readonly Migration[];
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

/** Readers for every link format this Tierwise understands: bytes → JSON text. */
const LINK_FORMAT_READERS: Record<number, (bytes: Uint8Array) => { ok: true; text: string } | { ok: false; detail: string }> = {
  1: readFormat1,
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
  const read = reader(bytes);
  if (!read.ok) return damaged(read.detail);

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

  const settings = checkPlanSettings(rawSettings);
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

function readFormat1(bytes: Uint8Array): { ok: true; text: string } | { ok: false; detail: string } {
  const length = readVarint(bytes, 0);
  if (!length) return { ok: false, detail: 'it was cut before its data' };
  if (length.value > MAX_SHARE_JSON_BYTES) return { ok: false, detail: 'it claims to hold more data than any scenario' };
  const start = length.next + 4;
  if (bytes.length <= start) return { ok: false, detail: 'it was cut before its data' };
  const expectedCrc = ((bytes[length.next]! << 24) | (bytes[length.next + 1]! << 16) | (bytes[length.next + 2]! << 8) | bytes[length.next + 3]!) >>> 0;

  // One byte more than claimed: a stream that inflates to more than it says shows up as a wrong length.
  // fflate writes no further than the buffer it is given, so a tampered link cannot exhaust memory.
  let text: Uint8Array;
  try {
    text = inflateSync(bytes.subarray(start), { out: new Uint8Array(length.value + 1) });
  } catch {
    return { ok: false, detail: 'its compressed data is cut or corrupted' };
  }
  if (text.length !== length.value) return { ok: false, detail: 'its data has the wrong length' };
  if (crc32(text) !== expectedCrc) return { ok: false, detail: 'its data fails the checksum' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(text) };
  } catch {
    return { ok: false, detail: 'its data is not text' };
  }
}

/** Plan settings from a link or a saved record: a time limit > 0 seconds and a relative gap 0 ≤ gap < 1. */
export function checkPlanSettings(value: unknown): { ok: true; value: PlanSettings } | { ok: false; message: string } {
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
