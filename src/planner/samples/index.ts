/**
 * The built-in sample scenarios. They are plain scenario files, so the CLI can
 * read the very same JSON (`npm run plan -- src/planner/samples/webshop.json`).
 */
import webshop from './webshop.json' with { type: 'json' };
import enterprise from './enterprise.json' with { type: 'json' };
import seasonal from './seasonal.json' with { type: 'json' };

export interface Sample {
  id: 'webshop' | 'enterprise' | 'seasonal';
  title: string;
  /** One line for the sample picker. */
  summary: string;
  /** The raw file content: it goes through the same validation as any user file. */
  document: unknown;
}

export const SAMPLES: readonly Sample[] = [
  { id: 'webshop', title: 'Three-tier web shop', summary: 'Front end, app servers, cache, search and database (22 servers) in a Chicago data centre; staff nearby, customers in North America and Europe; AWS us-east-1 or eu-west-1.', document: webshop },
  { id: 'enterprise', title: 'Enterprise estate', summary: 'Six applications, 28 components on 50 servers in two own data centres and two AWS regions; sensitive data pinned on-premise; a 20-rule ACL policy.', document: enterprise },
  { id: 'seasonal', title: 'Seasonal workload (bursting)', summary: 'Thanksgiving week, hour by hour: peaks need 55 servers where the data centre has 40; burst to AWS Ohio or Azure East US.', document: seasonal },
];

export const DEFAULT_SAMPLE_ID: Sample['id'] = 'webshop';

export function sampleById(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
