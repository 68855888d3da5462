import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../samples';
import { parseScenario } from '../scenario/validate';
import { twoSiteShop } from '../testing/fixtures';
import { smallScenarioArb } from '../testing/randomScenario';
import { inflateSync } from 'fflate';
import golden from './golden/link-format-1.json' with { type: 'json' };
import golden2 from './golden/link-format-2.json' with { type: 'json' };
import goldenSettings from './golden/link-format-2-settings.json' with { type: 'json' };
import {
  checkPlanSettings,
  crc32,
  decodeShareLink,
  encodeShareLink,
  fromBase64Url,
  judgeLinkLength,
  MAX_PATCH_OPERATIONS,
  MAX_SHARE_PAYLOAD_LENGTH,
  SHARE_LINK_FILE_EXPORT_LENGTH,
  SHARE_LINK_PREFIX,
  SHARE_LINK_VERSION,
  SHARE_LINK_WARN_LENGTH,
  toBase64Url,
  type ShareLinkBase,
} from './linkCodec';
import { LINK_DICTIONARY_FORMAT_2 } from './linkDictionary';

const settings = { timeLimitSeconds: 60, mipGap: 0 };
/** Settings as a link without an objective or a horizon opens: the cost objective, no amortisation. */
const opened = <T extends object>(s: T) => ({ objective: { kind: 'cost' }, migrationAmortisationMonths: 0, ...s });
const openedSettings = opened(settings);

/** A link payload built by hand from any JSON text, as link format 1 lays it out. */
function handMadeLink(json: string, { crc, length }: { crc?: number; length?: number } = {}): string {
  const text = new TextEncoder().encode(json);
  const n = length ?? text.length;
  const varint: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    varint.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  varint.push(rest);
  const c = crc ?? crc32(text);
  const header = [...varint, (c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff];
  const body = deflateSync(text);
  const bytes = new Uint8Array(header.length + body.length);
  bytes.set(header);
  bytes.set(body, header.length);
  return `s1.${toBase64Url(bytes)}`;
}

const DICTIONARY = new TextEncoder().encode(LINK_DICTIONARY_FORMAT_2);
const utf8 = (text: string) => new TextEncoder().encode(text);
const uint32 = (c: number) => [(c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff];
function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}
/** CRC-32 of a document's canonical JSON, as link format 2 identifies a base sample. */
const canonicalCrc = (document: unknown) => crc32(utf8(JSON.stringify(document)));

interface HandMade2 {
  /** A patch link of this base (id, CRC-32 of its canonical JSON, CRC-32 of the final JSON); a whole-document link without. */
  base?: { id: string; crc: number; finalCrc: number };
  length?: number;
  /** Replaces the correct CRC-32 of the header and body. */
  check?: (correct: number) => number;
  dictionary?: Uint8Array;
}

/** A link payload built by hand from any body text, as link format 2 lays it out. */
function handMadeLink2(body: string, { base, length, check, dictionary = DICTIONARY }: HandMade2 = {}): string {
  const text = utf8(body);
  const header = base ? [base.id.length, ...Array.from(base.id, (c) => c.charCodeAt(0)), ...uint32(base.crc), ...uint32(base.finalCrc)] : [0];
  const head = [...header, ...varint(length ?? text.length)];
  const correct = crc32(new Uint8Array([...head, ...text]));
  const compressed = deflateSync(text, dictionary.length > 0 ? { dictionary } : {});
  return `s2.${toBase64Url(new Uint8Array([...head, ...uint32(check ? check(correct) : correct), ...compressed]))}`;
}

/** A format-2 link with its header edited and its checksum made right again: a consistent link, not a damaged one. */
function resign(link: string, edit: (header: number[]) => void): string {
  const bytes = fromBase64Url(link.slice(3))!;
  const idLength = bytes[0]!;
  let at = idLength > 0 ? 1 + idLength + 8 : 1;
  while (bytes[at]! & 0x80) at++;
  at++;
  const head = Array.from(bytes.subarray(0, at));
  const compressed = bytes.subarray(at + 4);
  const body = inflateSync(compressed, { dictionary: DICTIONARY });
  edit(head);
  return `s2.${toBase64Url(new Uint8Array([...head, ...uint32(crc32(new Uint8Array([...head, ...body]))), ...compressed]))}`;
}

function flip(bytes: number[] | Uint8Array, at: number, mask: number) {
  bytes[at] = bytes[at]! ^ mask;
}

/** The first byte of a format-2 link: 0 for a whole document, else the length of the base sample's id. */
const baseIdLength = (link: string) => fromBase64Url(link.slice(3))![0];

function expectFailure(hash: string, pattern: RegExp | string) {
  const result = decodeShareLink(hash);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(pattern);
}

describe('share link codec', () => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))('round-trips the %s sample exactly', (_id, sample) => {
    const link = encodeShareLink({ scenario: sample.document, settings: { timeLimitSeconds: 45, mipGap: 0.005 } });
    expect(link.startsWith('s2.')).toBe(true);
    expect(link).toMatch(/^s2\.[A-Za-z0-9_-]+$/);
    // An unmodified sample is an empty patch of it: a few dozen characters.
    expect(link.length).toBeLessThan(64);
    const result = decodeShareLink(`#${link}`);
    expect(result).toEqual({ ok: true, document: sample.document, settings: opened({ timeLimitSeconds: 45, mipGap: 0.005 }), migrationsApplied: [] });
    // The same scenario after validation (so the same plan), and a stable encoding.
    if (result.ok) {
      expect(parseScenario(result.document)).toEqual(parseScenario(sample.document));
      expect(encodeShareLink({ scenario: result.document, settings: result.settings })).toBe(link);
    }
  });

  it('keeps the raw document, not the one with defaults filled in, and keeps its key order', () => {
    const doc = twoSiteShop();
    const result = decodeShareLink(encodeShareLink({ scenario: doc, settings }));
    expect(result.ok && JSON.stringify(result.document)).toBe(JSON.stringify(doc));
  });

  it('round-trips random valid scenarios and settings (property)', () => {
    const amount = fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
    const settingsArb = fc.record(
      {
        timeLimitSeconds: fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }),
        mipGap: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((g) => (Object.is(g, -0) ? 0 : g)),
        objective: fc.oneof(
          fc.constant({ kind: 'cost' as const }),
          amount.map((budgetUSD) => ({ kind: 'delay' as const, budgetUSD })),
          amount.map((usdPerMs) => ({ kind: 'weighted' as const, usdPerMs })),
        ),
        migrationAmortisationMonths: fc.integer({ min: 0, max: 120 }),
      },
      { requiredKeys: ['timeLimitSeconds', 'mipGap'] },
    );
    fc.assert(
      fc.property(smallScenarioArb, settingsArb, (scenario, s) => {
        const result = decodeShareLink(encodeShareLink({ scenario, settings: s }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.document).toEqual(JSON.parse(JSON.stringify(scenario)));
        expect(result.settings).toEqual(opened(s));
        const reparsed = parseScenario(result.document);
        expect(reparsed.ok && reparsed.scenario).toEqual(scenario);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random strings, and never opens one (property)', () => {
    const strings = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')) }).map((s) => `s1.${s}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `#s1.${toBase64Url(bytes)}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `s1.${toBase64Url(deflateSync(bytes))}`),
      fc.json().map((json) => handMadeLink(json)),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')) }).map((s) => `s2.${s}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `#s2.${toBase64Url(bytes)}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `s2.${toBase64Url(deflateSync(bytes, { dictionary: DICTIONARY }))}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `s2.${toBase64Url(new Uint8Array([7, ...utf8('webshop'), ...bytes]))}`),
      fc.json().map((json) => handMadeLink2(json)),
      fc.json().map((json) => handMadeLink2(json, { base: { id: 'webshop', crc: canonicalCrc(SAMPLES[0]!.document), finalCrc: 0 } })),
    );
    fc.assert(
      fc.property(strings, (hash) => {
        const result = decodeShareLink(hash);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a tampered link, and never opens a different scenario (property)', () => {
    const doc = twoSiteShop();
    const link = encodeShareLink({ scenario: doc, settings });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const edits = fc.oneof(
      fc.record({ at: fc.nat({ max: link.length - 1 }), char: fc.constantFrom(...alphabet.split('')) }).map(({ at, char }) => link.slice(0, at) + char + link.slice(at + 1)),
      fc.record({ at: fc.nat({ max: link.length }), char: fc.constantFrom(...alphabet.split('')) }).map(({ at, char }) => link.slice(0, at) + char + link.slice(at)),
      fc.nat({ max: link.length - 1 }).map((at) => link.slice(0, at) + link.slice(at + 1)),
      fc.tuple(fc.nat({ max: link.length - 1 }), fc.nat({ max: link.length - 1 })).map(([a, b]) => {
        const chars = link.split('');
        [chars[a], chars[b]] = [chars[b]!, chars[a]!];
        return chars.join('');
      }),
    );
    fc.assert(
      fc.property(edits, (tampered) => {
        const result = decodeShareLink(tampered);
        // The only edits that open are those that change no byte (e.g. the unused low bits of the last character).
        if (result.ok) expect(result.document).toEqual(doc);
        else expect(result.message).toMatch(/not a Tierwise link|incomplete or damaged|newer Tierwise/);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports every cut of a link as incomplete or damaged', () => {
    const edited = structuredClone(SAMPLES[0]!.document) as { name: string };
    edited.name = 'Edited';
    const links = [
      encodeShareLink({ scenario: SAMPLES[0]!.document, settings }),
      encodeShareLink({ scenario: edited, settings }),
      encodeShareLink({ scenario: twoSiteShop(), settings }),
      golden.link,
    ];
    for (const link of links) {
      for (let end = SHARE_LINK_PREFIX.length; end < link.length; end++) {
        const result = decodeShareLink(link.slice(0, end));
        expect(result.ok, `cut at ${end}`).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/^the link is incomplete or damaged \(/);
      }
    }
  });

  it('tells a foreign or newer link from a damaged one', () => {
    expectFailure('', 'not a Tierwise link');
    expectFailure('#', 'not a Tierwise link');
    expectFailure('#section-2', /^this is not a Tierwise link$/);
    expectFailure('x1.AAAA', /^this is not a Tierwise link$/);
    expectFailure('s0.AAAA', /^this is not a Tierwise link$/);
    expectFailure('s3.AAAA', /^this link was made by a newer Tierwise \(link format 3; this one reads up to 2\)/);
    expectFailure('s1.', /incomplete or damaged \(it was cut before its data\)/);
    expectFailure('s2.', /incomplete or damaged \(it was cut before its data\)/);
    expectFailure('s2.AAAA', /incomplete or damaged/);
    expectFailure('s2.abc$def', /incomplete or damaged \(it contains characters that a Tierwise link never has/);
    expectFailure(`s2.${'A'.repeat(MAX_SHARE_PAYLOAD_LENGTH + 4)}`, /too long to open/);
    expectFailure('s1.abc$def', /incomplete or damaged \(it contains characters that a Tierwise link never has/);
    expectFailure('s1.A', /incomplete or damaged/);
    expectFailure(`s1.${'A'.repeat(MAX_SHARE_PAYLOAD_LENGTH + 4)}`, /too long to open/);
  });

  it('accepts a whole URL, and line breaks a mail app put into it', () => {
    const link = encodeShareLink({ scenario: twoSiteShop(), settings });
    expect(decodeShareLink(`https://example.org/tierwise/#${link}`).ok).toBe(true);
    expect(decodeShareLink(`${link.slice(0, 100)}\n  ${link.slice(100)}`).ok).toBe(true);
  });

  it('finds damage that still inflates: a wrong checksum, a wrong length, text that is not JSON or not UTF-8', () => {
    const json = JSON.stringify({ scenario: twoSiteShop(), settings });
    expect(decodeShareLink(handMadeLink(json)).ok).toBe(true);
    expectFailure(handMadeLink(json, { crc: (crc32(new TextEncoder().encode(json)) ^ 1) >>> 0 }), /fails the checksum/);
    expectFailure(handMadeLink(json, { length: json.length - 1 }), /wrong length/);
    expectFailure(handMadeLink(json, { length: json.length + 1 }), /wrong length/);
    expectFailure(handMadeLink(json, { length: 2 ** 31 }), /claims to hold more data than any scenario/);
    expectFailure(handMadeLink(json.slice(0, -1)), /not valid JSON/);
    expectFailure(handMadeLink('[1,2,3]'), /has no scenario/);
    const latin1 = new Uint8Array([0x7b, 0xe9, 0x7d]); // "{é}" in Latin-1: not UTF-8
    const body = deflateSync(latin1);
    const c = crc32(latin1);
    const bytes = new Uint8Array([3, (c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff, ...body]);
    expectFailure(`s1.${toBase64Url(bytes)}`, /not text/);
  });

  it('stops a decompression bomb at the length the link claims', () => {
    const bomb = new Uint8Array(5_000_000).fill(32);
    const body = deflateSync(bomb, { level: 9 });
    const bytes = new Uint8Array([10, 0, 0, 0, 0, ...body]); // claims 10 bytes
    const started = performance.now();
    expectFailure(`s1.${toBase64Url(bytes)}`, /wrong length|checksum/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("validates the scenario with the importer's messages", () => {
    const doc = twoSiteShop();
    doc.applications[0].components[1].servers = -3;
    const result = decodeShareLink(encodeShareLink({ scenario: doc, settings }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('the scenario in the link is not valid (1 problem): applications[0].components[1].servers must be a whole number ≥ 1, got -3');
    expect(result.issues).toEqual([{ path: 'applications[0].components[1].servers', message: 'applications[0].components[1].servers must be a whole number ≥ 1, got -3' }]);

    const newer = decodeShareLink(encodeShareLink({ scenario: { ...twoSiteShop(), formatVersion: 99 }, settings }));
    expect(!newer.ok && newer.message).toMatch(/formatVersion 99 was written by a newer Tierwise/);
  });

  it('validates the settings: time limit > 0, 0 ≤ gap < 1', () => {
    const withSettings = (s: unknown) => handMadeLink(JSON.stringify({ scenario: twoSiteShop(), settings: s }));
    expectFailure(withSettings({ timeLimitSeconds: 0, mipGap: 0 }), /time limit must be a number of seconds > 0, got 0/);
    expectFailure(withSettings({ timeLimitSeconds: -5, mipGap: 0 }), /time limit/);
    expectFailure(withSettings({ timeLimitSeconds: '60', mipGap: 0 }), /time limit .* got "60"/);
    expectFailure(withSettings({ timeLimitSeconds: 60, mipGap: 1 }), /MIP gap must be a fraction from 0 to less than 1, got 1/);
    expectFailure(withSettings({ timeLimitSeconds: 60, mipGap: -0.1 }), /MIP gap/);
    expectFailure(withSettings(undefined), /solver settings are invalid: the settings are missing/);
    const ok = decodeShareLink(withSettings({ timeLimitSeconds: 0.5, mipGap: 0.999, future: true }));
    expect(ok.ok && ok.settings).toEqual(opened({ timeLimitSeconds: 0.5, mipGap: 0.999 }));
  });

  it('runs the scenario through the migrations and reports them', () => {
    const result = decodeShareLink(encodeShareLink({ scenario: twoSiteShop(), settings }), { migrations: [] });
    expect(result.ok && result.migrationsApplied).toEqual([]);
  });

  it('still opens a link made by link format 1 (a stored link, never regenerated)', () => {
    const result = decodeShareLink(golden.link);
    // Format 1 had no objective or horizon: the link opens with their defaults.
    expect(result).toMatchObject({ ok: true, settings: opened(golden.settings) });
    expect(result.ok && result.settings).toEqual(opened(golden.settings));
    if (result.ok) {
      expect(result.document).toEqual(golden.document);
      expect(parseScenario(result.document).ok).toBe(true);
    }
  });

  it('judges link lengths against the chat-and-mail and file-export thresholds', () => {
    expect(SHARE_LINK_WARN_LENGTH).toBeLessThan(SHARE_LINK_FILE_EXPORT_LENGTH);
    expect(judgeLinkLength(SHARE_LINK_WARN_LENGTH)).toBe('ok');
    expect(judgeLinkLength(SHARE_LINK_WARN_LENGTH + 1)).toBe('long');
    expect(judgeLinkLength(SHARE_LINK_FILE_EXPORT_LENGTH)).toBe('long');
    expect(judgeLinkLength(SHARE_LINK_FILE_EXPORT_LENGTH + 1)).toBe('too-long');
  });

  it('base64url round-trips any bytes and refuses foreign characters (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('refuses to encode something that is not JSON data', () => {
    expect(() => encodeShareLink({ scenario: undefined, settings })).toThrow(/not JSON data/);
  });
});

describe('share links carry every solver setting: objective and amortisation horizon', () => {
  const webshop = SAMPLES.find((s) => s.id === 'webshop')!;
  const delay = { timeLimitSeconds: 30, mipGap: 0.01, objective: { kind: 'delay' as const, budgetUSD: 5200.5 }, migrationAmortisationMonths: 12 };
  const weighted = { timeLimitSeconds: 30, mipGap: 0.01, objective: { kind: 'weighted' as const, usdPerMs: 0 }, migrationAmortisationMonths: 120 };
  /** The settings object as written inside a whole-document link. */
  const writtenSettings = (link: string): unknown => {
    const bytes = fromBase64Url(link.slice(3))!;
    expect(bytes[0]).toBe(0);
    let at = 1;
    while (bytes[at]! & 0x80) at++;
    const body = inflateSync(bytes.subarray(at + 5), { dictionary: DICTIONARY });
    return (JSON.parse(new TextDecoder().decode(body)) as { settings: unknown }).settings;
  };
  const withSettings = (s: unknown) => handMadeLink2(JSON.stringify({ scenario: twoSiteShop(), settings: s }));

  it.each([
    ['delay with a budget, 12 months', delay],
    ['weighted, the largest horizon', weighted],
  ])('round-trips %s, as a sample patch and as a whole document', (_label, s) => {
    const patch = encodeShareLink({ scenario: webshop.document, settings: s });
    expect(baseIdLength(patch)).toBe('webshop'.length);
    expect(decodeShareLink(patch)).toEqual({ ok: true, document: webshop.document, settings: s, migrationsApplied: [] });
    const whole = encodeShareLink({ scenario: twoSiteShop(), settings: s }, { bases: [] });
    expect(decodeShareLink(whole)).toEqual({ ok: true, document: twoSiteShop(), settings: s, migrationsApplied: [] });
  });

  it('writes the objective and the horizon only when they differ from the link defaults, so default links are what they were', () => {
    const plain = encodeShareLink({ scenario: webshop.document, settings });
    expect(encodeShareLink({ scenario: webshop.document, settings: { ...settings, objective: { kind: 'cost' }, migrationAmortisationMonths: 0 } })).toBe(plain);
    const whole = encodeShareLink({ scenario: twoSiteShop(), settings: { ...settings, objective: { kind: 'cost' }, migrationAmortisationMonths: 0 } }, { bases: [] });
    expect(writtenSettings(whole)).toEqual({ timeLimitSeconds: 60, mipGap: 0 });
    expect(writtenSettings(encodeShareLink({ scenario: twoSiteShop(), settings: delay }, { bases: [] }))).toEqual({
      timeLimitSeconds: 30,
      mipGap: 0.01,
      objective: { kind: 'delay', budgetUSD: 5200.5 },
      migrationAmortisationMonths: 12,
    });
    // A non-default objective and horizon cost under a hundred characters: the unchanged webshop sample, 37 → 125.
    expect(plain.length).toBeLessThan(45);
    expect(encodeShareLink({ scenario: webshop.document, settings: delay }).length).toBeLessThan(140);
  });

  it('keeps the fields an older Tierwise reads where they were, so it still opens a newer link', () => {
    const written = writtenSettings(encodeShareLink({ scenario: twoSiteShop(), settings: weighted }, { bases: [] }));
    // What a Tierwise that knows only the time limit and the gap checks, and what it takes.
    expect(checkPlanSettings(written)).toEqual({ ok: true, value: { timeLimitSeconds: 30, mipGap: 0.01 } });
  });

  it("carries only the objective's own fields", () => {
    const sloppy = { ...settings, objective: { kind: 'delay', budgetUSD: 900, usdPerMs: 4, note: 'x' } as unknown as typeof delay.objective };
    const link = encodeShareLink({ scenario: twoSiteShop(), settings: sloppy }, { bases: [] });
    expect(writtenSettings(link)).toEqual({ timeLimitSeconds: 60, mipGap: 0, objective: { kind: 'delay', budgetUSD: 900 } });
    expect(decodeShareLink(link).ok && (decodeShareLink(link) as { settings: unknown }).settings).toEqual({ ...settings, objective: { kind: 'delay', budgetUSD: 900 }, migrationAmortisationMonths: 0 });
  });

  it('refuses a link with an unusable objective or horizon, naming the field, instead of using something else', () => {
    const base = { timeLimitSeconds: 60, mipGap: 0 };
    expectFailure(withSettings({ ...base, objective: { kind: 'delay', budgetUSD: -500 } }), /^the link's solver settings are invalid: the objective's monthly budget \(budgetUSD\) must be a number of USD ≥ 0, got -500$/);
    expectFailure(withSettings({ ...base, objective: { kind: 'delay' } }), /budget \(budgetUSD\) must be a number of USD ≥ 0, got nothing/);
    expectFailure(withSettings({ ...base, objective: { kind: 'delay', budgetUSD: '5000' } }), /budgetUSD.*got "5000"/);
    expectFailure(withSettings({ ...base, objective: { kind: 'weighted', usdPerMs: -0.5 } }), /weight \(usdPerMs\) must be a number of USD per ms ≥ 0, got -0.5/);
    expectFailure(withSettings({ ...base, objective: { kind: 'weighted', usdPerMs: null } }), /usdPerMs.*got null/);
    expectFailure(withSettings({ ...base, objective: { kind: 'fastest' } }), /objective's kind must be "cost", "delay" or "weighted", got "fastest"/);
    expectFailure(withSettings({ ...base, objective: 'cost' }), /objective must be an object with a kind, got "cost"/);
    expectFailure(withSettings({ ...base, objective: null }), /objective must be an object with a kind, got null/);
    expectFailure(withSettings({ ...base, objective: [] }), /objective must be an object/);
    for (const months of [-1, 121, 1.5, '12', null]) {
      expectFailure(withSettings({ ...base, migrationAmortisationMonths: months }), new RegExp(`horizon must be a whole number of months from 0 to 120, got ${JSON.stringify(months).replace('.', '\\.')}$`));
    }
    // The same checks in format 1, whose reader shares them.
    expectFailure(handMadeLink(JSON.stringify({ scenario: twoSiteShop(), settings: { ...base, objective: { kind: 'delay', budgetUSD: -1 } } })), /budgetUSD.*got -1/);
    // And in a patch link of a sample.
    const patchBody = JSON.stringify({ settings: { ...base, objective: { kind: 'delay', budgetUSD: -1 } }, patch: [] });
    const finalCrc = crc32(utf8(JSON.stringify({ scenario: webshop.document, settings: { ...base, objective: { kind: 'delay', budgetUSD: -1 } } })));
    expectFailure(handMadeLink2(patchBody, { base: { id: 'webshop', crc: canonicalCrc(webshop.document), finalCrc } }), /budgetUSD.*got -1/);
  });

  it('carries the bursting choices when there are some, and a link without them is what it was', () => {
    const bursting = { burstRegion: 'aws-us-east-1', maxReactionMinutes: 20 };
    const patch = encodeShareLink({ scenario: webshop.document, settings: { ...settings, bursting } });
    expect(decodeShareLink(patch)).toEqual({ ok: true, document: webshop.document, settings: { ...settings, objective: { kind: 'cost' }, migrationAmortisationMonths: 0, bursting }, migrationsApplied: [] });
    expect(writtenSettings(encodeShareLink({ scenario: twoSiteShop(), settings: { ...settings, bursting: { maxReactionMinutes: 5 } } }, { bases: [] }))).toEqual({ timeLimitSeconds: 60, mipGap: 0, bursting: { maxReactionMinutes: 5 } });
    // No choices: byte for byte the link without the field.
    expect(encodeShareLink({ scenario: webshop.document, settings: { ...settings, bursting: {} } })).toBe(encodeShareLink({ scenario: webshop.document, settings }));
    const base = { timeLimitSeconds: 60, mipGap: 0 };
    expectFailure(withSettings({ ...base, bursting: { maxReactionMinutes: 0 } }), /bursting reaction limit must be a number of minutes above 0 and at most 10080, got 0$/);
    expectFailure(withSettings({ ...base, bursting: { maxReactionMinutes: '15' } }), /reaction limit.*got "15"$/);
    expectFailure(withSettings({ ...base, bursting: { burstRegion: 'not a site id' } }), /burst region must be a site id, got "not a site id"$/);
    expectFailure(withSettings({ ...base, bursting: { region: 'aws' } }), /unknown field "region"$/);
    expectFailure(withSettings({ ...base, bursting: 'aws' }), /bursting settings must be an object, got "aws"$/);
  });

  it('accepts the edge values: a budget and a weight of 0, 0 and 120 months, an explicit cost objective', () => {
    const base = { timeLimitSeconds: 60, mipGap: 0 };
    const open = (s: unknown) => {
      const r = decodeShareLink(withSettings(s));
      return r.ok ? r.settings : r.message;
    };
    expect(open({ ...base, objective: { kind: 'delay', budgetUSD: 0 }, migrationAmortisationMonths: 120 })).toEqual({ ...base, objective: { kind: 'delay', budgetUSD: 0 }, migrationAmortisationMonths: 120 });
    expect(open({ ...base, objective: { kind: 'weighted', usdPerMs: 0 } })).toEqual({ ...base, objective: { kind: 'weighted', usdPerMs: 0 }, migrationAmortisationMonths: 0 });
    expect(open({ ...base, objective: { kind: 'cost', budgetUSD: -1 }, migrationAmortisationMonths: 0 })).toEqual({ ...base, objective: { kind: 'cost' }, migrationAmortisationMonths: 0 });
  });

  it('still opens the stored links with an objective and a horizon (never regenerated)', () => {
    for (const entry of [goldenSettings.weighted, goldenSettings.delay]) {
      expect(decodeShareLink(entry.link)).toEqual({ ok: true, document: goldenSettings.document, settings: entry.settings, migrationsApplied: [] });
    }
  });
});

describe('share link format 2: patches of the built-in samples, preset dictionary', () => {
  const samplesBefore = JSON.stringify(SAMPLES.map((s) => s.document));
  const webshop = SAMPLES.find((s) => s.id === 'webshop')!;
  type Doc = Record<string, any>;
  const copy = (document: unknown): Doc => structuredClone(document) as Doc;

  /** Small edits a user makes to a sample, each still a valid scenario. */
  const edits: [string, (d: Doc) => void][] = [
    ['one server count changed', (d) => (d.applications[0].components[1].servers += 1)],
    ['renamed, one price changed', (d) => {
      d.name = `${d.name} (my copy)`;
      d.sites[0].serverClasses[0].priceUSD = 199.5;
    }],
    ['a component added', (d) => d.applications[0].components.push({ ...d.applications[0].components[0], id: 'extra-tier', name: 'Extra tier' })],
    ['the description removed', (d) => delete d.description],
    ['a site capacity and a latency changed', (d) => {
      d.sites[0].capacity = { servers: 99 };
      d.network.links[0].latency.p95Ms += 5;
    }],
    ['its keys reordered (name last)', (d) => {
      const { name } = d;
      delete d.name;
      d.name = name;
    }],
  ];

  it.each(SAMPLES.flatMap((sample) => edits.map(([what, edit]) => [sample.id, what, sample, edit] as const)))(
    'encodes the %s sample with "%s" as a short patch and rebuilds it exactly',
    (_id, _what, sample, edit) => {
      const document = copy(sample.document);
      edit(document);
      expect(parseScenario(document).ok).toBe(true);
      const link = encodeShareLink({ scenario: document, settings });
      expect(baseIdLength(link)).toBe(sample.id.length);
      expect(link.length).toBeLessThan(400);
      const result = decodeShareLink(link);
      expect(result).toEqual({ ok: true, document, settings: openedSettings, migrationsApplied: [] });
      // Exactly the same text, key order included, and the same link again.
      expect(result.ok && JSON.stringify(result.document)).toBe(JSON.stringify(document));
      if (result.ok) expect(encodeShareLink({ scenario: result.document, settings: result.settings })).toBe(link);
    },
  );

  it('still prefers a patch when an application moves (JSON Patch removes and adds it again)', () => {
    for (const sample of SAMPLES) {
      const document = copy(sample.document);
      document.applications.unshift(document.applications.pop());
      const link = encodeShareLink({ scenario: document, settings });
      expect(baseIdLength(link)).toBe(sample.id.length);
      expect(link.length).toBeLessThan(encodeShareLink({ scenario: document, settings }, { bases: [] }).length);
      expect(decodeShareLink(link)).toEqual({ ok: true, document, settings: openedSettings, migrationsApplied: [] });
    }
  });

  it('makes the three-tier web shop link, as a whole URL, shorter than 2 KB (issue 6)', () => {
    const url = `http://localhost:5173/#${encodeShareLink({ scenario: webshop.document, settings })}`;
    expect(url.length).toBeLessThan(2048);
    const edited = copy(webshop.document);
    edited.applications[0].components[0].servers = 7;
    expect(`http://localhost:5173/#${encodeShareLink({ scenario: edited, settings })}`.length).toBeLessThan(2048);
    // Even without the sample to patch, the preset dictionary keeps it far below format 1's 3,650 characters.
    expect(encodeShareLink({ scenario: webshop.document, settings }, { bases: [] }).length).toBeLessThan(2600);
  });

  it('round-trips random edits of the samples, never longer than the whole document (property)', () => {
    type Edit = { at: number; kind: 'set' | 'delete' | 'duplicate' | 'moveLast'; value: unknown };
    const editArb: fc.Arbitrary<Edit> = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('set' as const, 'delete' as const, 'duplicate' as const, 'moveLast' as const),
      value: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null)),
    });
    const members = (node: unknown, out: [any, string | number][] = []): [any, string | number][] => {
      if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), members(v, out)));
      else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push([node, k]), members(v, out);
      return out;
    };
    const apply = (document: Doc, { at, kind, value }: Edit) => {
      const all = members(document);
      const [container, key] = all[at % all.length]!;
      if (Array.isArray(container)) {
        const index = Number(key);
        if (kind === 'set') container[index] = value;
        else if (kind === 'delete') container.splice(index, 1);
        else if (kind === 'duplicate') container.splice(index, 0, structuredClone(container[index]));
        else container.push(...container.splice(index, 1));
      } else {
        const moved = container[key];
        if (kind === 'set') container[key] = value;
        else if (kind === 'delete') delete container[key];
        else if (kind === 'duplicate') container[`${key}2`] = structuredClone(moved);
        else {
          delete container[key];
          container[key] = moved;
        }
      }
    };
    fc.assert(
      fc.property(fc.nat({ max: SAMPLES.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 4 }), (which, steps) => {
        const document = copy(SAMPLES[which]!.document);
        for (const step of steps) apply(document, step);
        const link = encodeShareLink({ scenario: document, settings });
        expect(link.length).toBeLessThanOrEqual(encodeShareLink({ scenario: document, settings }, { bases: [] }).length);
        const expected = parseScenario(document);
        const result = decodeShareLink(link);
        if (expected.ok) {
          expect(result.ok).toBe(true);
          expect(result.ok && JSON.stringify(result.document)).toBe(JSON.stringify(document));
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.issues).toEqual(expected.issues);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('encodes a scenario that is no sample variant as the whole document, deflated with the dictionary', () => {
    expect(baseIdLength(encodeShareLink({ scenario: twoSiteShop(), settings }))).toBe(0);
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const link = encodeShareLink({ scenario, settings });
        expect(link.length).toBeLessThanOrEqual(encodeShareLink({ scenario, settings }, { bases: [] }).length);
        const result = decodeShareLink(link);
        expect(result.ok && result.document).toEqual(JSON.parse(JSON.stringify(scenario)));
      }),
      { numRuns: 40 },
    );
  });

  it('still opens the stored format-2 links (never regenerated)', () => {
    const whole = decodeShareLink(golden2.wholeDocument.link);
    expect(whole).toEqual({ ok: true, document: golden2.wholeDocument.document, settings: opened(golden2.wholeDocument.settings), migrationsApplied: [] });

    const patch = decodeShareLink(golden2.samplePatch.link);
    if (canonicalCrc(webshop.document) === golden2.samplePatch.webshopCrc32) {
      expect(patch).toEqual({ ok: true, document: golden2.samplePatch.document, settings: opened(golden2.samplePatch.settings), migrationsApplied: [] });
      expect(patch.ok && JSON.stringify(patch.document)).toBe(JSON.stringify(golden2.samplePatch.document));
    } else {
      // The webshop sample has changed since the link was made: it must say so, not open something else.
      expect(!patch.ok && patch.message).toMatch(/^this link was made from the built-in sample 'Three-tier web shop' as it was in another version of Tierwise/);
    }
  });

  it('still opens format-1 links, the stored one and those of every sample', () => {
    expect(decodeShareLink(golden.link)).toMatchObject({ ok: true, document: golden.document, settings: golden.settings });
    for (const sample of SAMPLES) {
      const result = decodeShareLink(handMadeLink(JSON.stringify({ scenario: sample.document, settings })));
      expect(result).toEqual({ ok: true, document: sample.document, settings: openedSettings, migrationsApplied: [] });
    }
  });

  describe('a patch link whose sample is not the one it was made from', () => {
    const edited = copy(webshop.document);
    edited.applications[0].components[1].servers += 1;
    const link = encodeShareLink({ scenario: edited, settings });
    const changedSample = "this link was made from the built-in sample 'Three-tier web shop' as it was in another version of Tierwise, and this version's sample differs; ask the sender for a scenario file";

    it('refuses to open when a later Tierwise ships a changed sample, naming the sample', () => {
      const later = copy(webshop.document);
      later.sites[0].serverClasses[0].priceUSD += 10;
      const bases: ShareLinkBase[] = SAMPLES.map((s) => (s.id === 'webshop' ? { ...s, document: later } : s));
      expect(decodeShareLink(link, { bases })).toEqual({ ok: false, message: changedSample });
      // Even a change that keeps the same data but not the same text (key order) counts.
      const { name, ...rest } = copy(webshop.document);
      expect(decodeShareLink(link, { bases: [{ ...webshop, document: { ...rest, name } }] })).toEqual({ ok: false, message: changedSample });
      // The same link opens with the sample it was made from.
      expect(decodeShareLink(link).ok).toBe(true);
    });

    it('gives the clear message for a tampered base checksum, and calls plain damage damage', () => {
      expect(decodeShareLink(resign(link, (h) => flip(h, 1 + 'webshop'.length, 0x01)))).toEqual({ ok: false, message: changedSample });
      // Not re-signed: the header's checksum catches it first.
      const bytes = fromBase64Url(link.slice(3))!;
      flip(bytes, 1 + 'webshop'.length, 0x01);
      expectFailure(`s2.${toBase64Url(bytes)}`, /incomplete or damaged \(its data fails the checksum\)/);
    });

    it('names a sample this Tierwise does not have', () => {
      expect(decodeShareLink(link, { bases: SAMPLES.filter((s) => s.id !== 'webshop') })).toEqual({
        ok: false,
        message: "this link was made from a built-in sample ('webshop') that this Tierwise does not have; ask the sender for a scenario file",
      });
      const renamed = resign(link, (h) => (h[7] = 'q'.charCodeAt(0))); // webshop → webshoq
      expectFailure(renamed, /^this link was made from a built-in sample \('webshoq'\) that this Tierwise does not have/);
    });

    it('checks the rebuilt scenario against the final checksum', () => {
      expectFailure(resign(link, (h) => flip(h, 1 + 'webshop'.length + 4, 0x80)), /incomplete or damaged \(the scenario rebuilt from the sample fails the checksum\)/);
    });
  });

  describe('an untrusted patch', () => {
    const base = { id: 'webshop', crc: canonicalCrc(webshop.document), finalCrc: 0 };
    const patchLink = (patch: unknown, finalCrc = 0) => handMadeLink2(JSON.stringify({ settings, patch }), { base: { ...base, finalCrc } });

    it('opens when it is right: a hand-made patch of the sample', () => {
      const expected = { ...copy(webshop.document), name: 'Renamed' };
      const finalCrc = crc32(utf8(JSON.stringify({ scenario: expected, settings })));
      expect(decodeShareLink(patchLink([{ op: 'replace', path: '/name', value: 'Renamed' }], finalCrc))).toEqual({ ok: true, document: expected, settings: openedSettings, migrationsApplied: [] });
      expect(decodeShareLink(patchLink([], canonicalCrc({ scenario: webshop.document, settings }))).ok).toBe(true);
    });

    it('applies only add, remove and replace, along own members, and never touches a prototype', () => {
      const refused: unknown[][] = [
        [{ op: 'copy', from: '/sites', path: '/sites2' }],
        [{ op: 'move', from: '/sites', path: '/sites2' }],
        [{ op: 'test', path: '/name', value: 'x' }],
        [{ op: 'bogus', path: '/name', value: 'x' }],
        [{ op: 'add', path: '/__proto__/polluted', value: true }],
        [{ op: 'add', path: '/constructor/prototype/polluted', value: true }],
        [{ op: 'add', path: '/sites/0/toString/polluted', value: true }],
        [{ op: 'replace', path: '/hasOwnProperty', value: 1 }],
        [{ op: 'add', path: '/__proto__', value: { polluted: true } }],
        [{ op: 'add', path: '/name/length', value: 1 }],
        [{ op: 'replace', path: '', value: {} }],
        [{ op: 'replace', path: 'name', value: 'x' }],
        [{ op: 'replace', path: '/name' }],
        [{ op: 'remove', path: '/nothing' }],
        [{ op: 'remove', path: '/sites/01' }],
        [{ op: 'remove', path: '/sites/-1' }],
        [{ op: 'replace', path: '/sites/9', value: 1 }],
        [{ op: 'add', path: '/sites/9', value: 1 }],
        [{ op: 'add', path: '/sites/1e0', value: 1 }],
        [{ op: 'add', path: '/nothing/deeper', value: 1 }],
        [{ op: 'replace', path: '/name', value: 'x' }, 'not an operation'],
        [null],
      ];
      for (const patch of refused) {
        expectFailure(patchLink(patch), /^the link is incomplete or damaged \(change \d+ of the patch does not apply to the sample\)/);
      }
      expectFailure(patchLink({ op: 'replace', path: '/name', value: 'x' }), /has no changes to a scenario/);
      expectFailure(handMadeLink2(JSON.stringify({ settings }), { base }), /has no changes to a scenario/);
      expectFailure(handMadeLink2('[1,2', { base }), /not valid JSON/);
      expectFailure(patchLink(Array.from({ length: MAX_PATCH_OPERATIONS + 1 }, () => ({ op: 'add', path: '/sites/-', value: 0 }))), /more than 10000 changes/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(JSON.stringify(SAMPLES.map((s) => s.document))).toBe(samplesBefore);
    });

    it('never throws on random patches and never opens one without its checksum (property)', () => {
      const token = fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '-', '0', '1', '01', '99', 'sites', 'applications', 'components', 'name', 'network', 'links', 'servers', ''),
        fc.string({ maxLength: 6 }),
      );
      const operation = fc.record({
        op: fc.constantFrom('add', 'remove', 'replace', 'copy', 'move', 'test', 'x'),
        path: fc.array(token, { maxLength: 5 }).map((ts) => ts.map((t) => `/${t}`).join('')),
        from: fc.array(token, { maxLength: 3 }).map((ts) => ts.map((t) => `/${t}`).join('')),
        value: fc.jsonValue({ maxDepth: 2 }),
      }, { requiredKeys: ['op', 'path'] });
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 8 }), fc.nat(), (patch, finalCrc) => {
          const result = decodeShareLink(patchLink(patch, finalCrc));
          // The final checksum is random: opening would mean it was not checked.
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.message).toMatch(/^the link is incomplete or damaged \(/);
        }),
        { numRuns: 1500 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
      expect(JSON.stringify(SAMPLES.map((s) => s.document))).toBe(samplesBefore);
    });
  });

  it('never throws on a tampered link of either kind, and never opens a different scenario (property)', () => {
    const edited = copy(webshop.document);
    edited.applications[0].components[1].servers += 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
    for (const document of [edited, twoSiteShop()]) {
      const link = encodeShareLink({ scenario: document, settings });
      const tampered = fc.oneof(
        fc.record({ at: fc.nat({ max: link.length - 1 }), char: fc.constantFrom(...alphabet) }).map(({ at, char }) => link.slice(0, at) + char + link.slice(at + 1)),
        fc.record({ at: fc.nat({ max: link.length }), char: fc.constantFrom(...alphabet) }).map(({ at, char }) => link.slice(0, at) + char + link.slice(at)),
        fc.nat({ max: link.length - 1 }).map((at) => link.slice(0, at) + link.slice(at + 1)),
        fc.tuple(fc.nat({ max: link.length - 1 }), fc.nat({ max: link.length - 1 })).map(([a, b]) => {
          const chars = link.split('');
          [chars[a], chars[b]] = [chars[b]!, chars[a]!];
          return chars.join('');
        }),
        fc.uint8Array({ minLength: 1, maxLength: 4 }).map((noise) => {
          const bytes = fromBase64Url(link.slice(3))!;
          noise.forEach((n, i) => flip(bytes, (n * 7 + i * 13) % bytes.length, n || 1));
          return `s2.${toBase64Url(bytes)}`;
        }),
      );
      fc.assert(
        fc.property(tampered, (hash) => {
          const result = decodeShareLink(hash);
          if (result.ok) expect(result.document).toEqual(document);
          else expect(result.message).toMatch(/not a Tierwise link|incomplete or damaged|newer Tierwise/);
        }),
        { numRuns: 800 },
      );
    }
  });

  it('finds damage in a format-2 link that still inflates', () => {
    const json = JSON.stringify({ scenario: twoSiteShop(), settings });
    expect(decodeShareLink(handMadeLink2(json)).ok).toBe(true);
    expectFailure(handMadeLink2(json, { check: (c) => (c ^ 1) >>> 0 }), /fails the checksum/);
    expectFailure(handMadeLink2(json, { length: utf8(json).length - 1 }), /wrong length|checksum/);
    expectFailure(handMadeLink2(json, { length: utf8(json).length + 1 }), /wrong length|checksum/);
    expectFailure(handMadeLink2(json, { length: 2 ** 31 }), /claims to hold more data than any scenario/);
    // Compressed with another dictionary: it inflates to something else, or not at all.
    expectFailure(handMadeLink2(json, { dictionary: DICTIONARY.slice().reverse() }), /incomplete or damaged/);
    // Without one it still reads: DEFLATE only refers to the dictionary when that helps.
    expect(decodeShareLink(handMadeLink2(json, { dictionary: new Uint8Array(0) })).ok).toBe(true);
    expectFailure(handMadeLink2(json.slice(0, -1)), /not valid JSON/);
    expectFailure(handMadeLink2('[1,2,3]'), /has no scenario/);
    expectFailure(handMadeLink2(JSON.stringify({ scenario: twoSiteShop(), settings: { timeLimitSeconds: 0, mipGap: 0 } })), /time limit must be a number of seconds > 0/);
    const latin1 = String.fromCharCode(0x7b, 0xe9, 0x7d);
    const bytes = new Uint8Array([0x7b, 0xe9, 0x7d]);
    const head = [0, 3];
    const link = `s2.${toBase64Url(new Uint8Array([...head, ...uint32(crc32(new Uint8Array([...head, ...bytes]))), ...deflateSync(bytes, { dictionary: DICTIONARY })]))}`;
    expect(latin1.length).toBe(3);
    expectFailure(link, /not text/);
  });

  it('stops a decompression bomb in format 2 at the length the link claims', () => {
    const bomb = new Uint8Array(5_000_000).fill(32);
    const body = deflateSync(bomb, { level: 9, dictionary: DICTIONARY });
    const started = performance.now();
    expectFailure(`s2.${toBase64Url(new Uint8Array([0, 10, 0, 0, 0, 0, ...body]))}`, /wrong length|checksum/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('pins the preset dictionary of format 2: it must never change', () => {
    expect(SHARE_LINK_VERSION).toBe(2);
    expect(LINK_DICTIONARY_FORMAT_2).toMatch(/^[\x20-\x7e]+$/);
    expect(DICTIONARY.length).toBe(5115);
    expect(crc32(DICTIONARY).toString(16)).toBe('5dea8bee');
  });

  it('leaves the built-in samples as they were', () => {
    expect(JSON.stringify(SAMPLES.map((s) => s.document))).toBe(samplesBefore);
  });
});
