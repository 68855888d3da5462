import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { JSON_SCHEMA_FILE, scenarioJsonSchema } from './jsonSchema';
import { SAMPLES } from '../samples';
import { twoSiteShop } from '../testing/fixtures';

const shipped = JSON.parse(readFileSync(new URL(`../../../public/${JSON_SCHEMA_FILE}`, import.meta.url), 'utf8'));

describe('the JSON Schema in public/', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing the format)', () => {
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  // Ajv is an independent validator: what zod accepts, a third-party tool reading the shipped schema accepts too.
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);
  it.each(SAMPLES.map((s) => [s.id, s.document] as const))('accepts the %s sample', (_, document) => {
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what zod rejects on shape: a negative server count and a misspelt field', () => {
    const doc = twoSiteShop();
    doc.applications[0].components[0].servers = -3;
    expect(validate(doc)).toBe(false);
    const typo = twoSiteShop();
    typo.sites[0].capacty = {};
    expect(validate(typo)).toBe(false);
  });
});
