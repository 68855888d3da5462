/** The JSON Schema of the scenario format, generated from the zod schema so the two cannot drift apart. */
import { z } from 'zod';
import { CURRENT_FORMAT_VERSION, ScenarioSchema } from './schema';

export const JSON_SCHEMA_FILE = 'scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  // 'input' describes what a file may contain: fields with defaults are optional there.
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: `https://tierwise.invalid/schema/scenario-v${CURRENT_FORMAT_VERSION}.json`,
    title: `Tierwise scenario, format version ${CURRENT_FORMAT_VERSION}`,
  };
}
