/** Writes public/scenario.schema.json from the zod schema (a test checks the committed copy is current). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILE, scenarioJsonSchema } from '../src/planner/scenario/jsonSchema';

const target = fileURLToPath(new URL(`../public/${JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
