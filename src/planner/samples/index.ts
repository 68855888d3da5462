/**
 * The built-in sample scenarios. They are plain scenario files, so the CLI can
 * read the very same JSON (`npm run plan -- src/planner/samples/webshop.json`).
 */
import webshop from './webshop.json';
import enterprise from './enterprise.json';
import seasonal from './seasonal.json';

export interface Sample {
  id: 'webshop' | 'enterprise' | 'seasonal';
  title: string;
  /** One line for the sample picker. */
  summary: string;
  /** The raw file content: it goes through the same validation as any user file. */
  document: unknown;
}

export const SAMPLES: readonly Sample[] = [
  { id: 'webshop', title: 'Three-tier web shop', summary: 'Front end, app servers and database; internal users near the data centre, external users in two regions; two cloud regions.', document: webshop },
  { id: 'enterprise', title: 'Enterprise estate', summary: 'Several applications and about 25 components, sensitive data pinned on-premise, with an ACL policy.', document: enterprise },
  { id: 'seasonal', title: 'Seasonal workload (bursting)', summary: 'Hourly demand over a week whose peaks exceed local capacity.', document: seasonal },
];

export const DEFAULT_SAMPLE_ID: Sample['id'] = 'webshop';

export function sampleById(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
