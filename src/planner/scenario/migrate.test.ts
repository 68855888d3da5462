import { describe, expect, it } from 'vitest';
import { migrateToCurrent, MIGRATIONS, type Migration } from './migrate';
import { parseScenario } from './validate';
import { CURRENT_FORMAT_VERSION } from './schema';
import { twoSiteShop } from '../testing/fixtures';

// A made-up history: v1 called the field "title", v2 renamed it to "name", v3 added "tags".
const history: Migration[] = [
  { from: 1, summary: 'renamed title to name', up: ({ title, ...rest }) => ({ ...rest, name: title }) },
  { from: 2, summary: 'added empty tags', up: (doc) => ({ ...doc, tags: [] }) },
];

describe('format migrations', () => {
  it('lifts an old document step by step to the current version', () => {
    const input = { formatVersion: 1, title: 'Old file' };
    const result = migrateToCurrent(input, history, 3);
    expect(result).toEqual({ ok: true, doc: { formatVersion: 3, name: 'Old file', tags: [] }, applied: ['renamed title to name', 'added empty tags'], fromVersion: 1 });
    expect(input).toEqual({ formatVersion: 1, title: 'Old file' });
  });

  it('starts from the version the document says', () => {
    const result = migrateToCurrent({ formatVersion: 2, name: 'x' }, history, 3);
    expect(result.ok && result.applied).toEqual(['added empty tags']);
  });

  it('reports a gap in the chain instead of guessing', () => {
    const result = migrateToCurrent({ formatVersion: 1 }, [history[1]!], 3);
    expect(result).toEqual({ ok: false, message: 'no migration from format 1 to 2 (this is a bug in Tierwise)' });
  });

  it('refuses a malformed version number', () => {
    expect(migrateToCurrent({ formatVersion: '1' })).toEqual({ ok: false, message: 'formatVersion must be a whole number ≥ 1, got "1"' });
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < CURRENT_FORMAT_VERSION; v++) expect(MIGRATIONS.some((m) => m.from === v)).toBe(true);
  });

  it('leaves a current document as it is', () => {
    const result = parseScenario(twoSiteShop());
    expect(result.ok && result.migrationsApplied).toEqual([]);
  });
});
