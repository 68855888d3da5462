import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../samples';
import { parseScenario } from '../scenario/validate';
import { twoSiteShop } from '../testing/fixtures';
import { smallScenarioArb } from '../testing/randomScenario';
import golden from './golden/link-format-1.json' with { type: 'json' };
import {
  crc32,
  decodeShareLink,
  encodeShareLink,
  fromBase64Url,
  judgeLinkLength,
  MAX_SHARE_PAYLOAD_LENGTH,
  SHARE_LINK_FILE_EXPORT_LENGTH,
  SHARE_LINK_PREFIX,
  SHARE_LINK_WARN_LENGTH,
  toBase64Url,
} from './linkCodec';

const settings = { timeLimitSeconds: 60, mipGap: 0 };

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
  return SHARE_LINK_PREFIX + toBase64Url(bytes);
}

function expectFailure(hash: string, pattern: RegExp | string) {
  const result = decodeShareLink(hash);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(pattern);
}

describe('share link codec', () => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))('round-trips the %s sample exactly', (_id, sample) => {
    const link = encodeShareLink({ scenario: sample.document, settings: { timeLimitSeconds: 45, mipGap: 0.005 } });
    expect(link.startsWith('s1.')).toBe(true);
    expect(link).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    const result = decodeShareLink(`#${link}`);
    expect(result).toEqual({ ok: true, document: sample.document, settings: { timeLimitSeconds: 45, mipGap: 0.005 }, migrationsApplied: [] });
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
    const settingsArb = fc.record({
      timeLimitSeconds: fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }),
      mipGap: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((g) => (Object.is(g, -0) ? 0 : g)),
    });
    fc.assert(
      fc.property(smallScenarioArb, settingsArb, (scenario, s) => {
        const result = decodeShareLink(encodeShareLink({ scenario, settings: s }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.document).toEqual(JSON.parse(JSON.stringify(scenario)));
        expect(result.settings).toEqual(s);
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
    const link = encodeShareLink({ scenario: SAMPLES[0]!.document, settings });
    for (let end = SHARE_LINK_PREFIX.length; end < link.length; end++) {
      const result = decodeShareLink(link.slice(0, end));
      expect(result.ok, `cut at ${end}`).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^the link is incomplete or damaged \(/);
    }
  });

  it('tells a foreign or newer link from a damaged one', () => {
    expectFailure('', 'not a Tierwise link');
    expectFailure('#', 'not a Tierwise link');
    expectFailure('#section-2', /^this is not a Tierwise link$/);
    expectFailure('x1.AAAA', /^this is not a Tierwise link$/);
    expectFailure('s0.AAAA', /^this is not a Tierwise link$/);
    expectFailure('s2.AAAA', /^this link was made by a newer Tierwise \(link format 2; this one reads up to 1\)/);
    expectFailure('s1.', /incomplete or damaged \(it was cut before its data\)/);
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
    expect(ok.ok && ok.settings).toEqual({ timeLimitSeconds: 0.5, mipGap: 0.999 });
  });

  it('runs the scenario through the migrations and reports them', () => {
    const result = decodeShareLink(encodeShareLink({ scenario: twoSiteShop(), settings }), { migrations: [] });
    expect(result.ok && result.migrationsApplied).toEqual([]);
  });

  it('still opens a link made by link format 1 (a stored link, never regenerated)', () => {
    const result = decodeShareLink(golden.link);
    expect(result).toMatchObject({ ok: true, settings: golden.settings });
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
