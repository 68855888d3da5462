/**
 * Headless planner on the same core as the page:
 *   npm run plan -- <scenario.json> [--out plan.json] [--lp model.lp] [--time-limit 60] [--gap 0]
 * Exit codes: 0 a plan was found; 2 the input is unreadable or invalid (every problem is printed);
 * 3 the scenario has no feasible plan or the solver found none in time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import GLPK from 'glpk.js/node';
import { loadGlpk, parseScenarioJson, toCplexLp } from '../planner';
import { DEFAULT_LAYOUT_PLAN_SETTINGS, planLayout, type LayoutPlanSettings } from '../planner/placement/planLayout';
import { buildLayoutModel } from '../planner/placement/layoutModel';
import { computeBaselines } from '../planner/placement/baselines';
import { formatPlanSummary } from './summary';

const USAGE =
  'usage: npm run plan -- <scenario.json> [--out plan.json] [--lp model.lp] [--time-limit SECONDS] [--gap FRACTION] [--amortise MONTHS]';

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        lp: { type: 'string' },
        'time-limit': { type: 'string' },
        gap: { type: 'string' },
        amortise: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const settings: LayoutPlanSettings = { ...DEFAULT_LAYOUT_PLAN_SETTINGS };
  for (const [flag, key, valid] of [
    ['time-limit', 'timeLimitSeconds', (n: number) => n > 0],
    ['gap', 'mipGap', (n: number) => n >= 0 && n < 1],
    ['amortise', 'migrationAmortisationMonths', (n: number) => n >= 0],
  ] as const) {
    const raw = args.values[flag];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || !valid(value)) {
      const wanted = { 'time-limit': 'number of seconds > 0', gap: 'fraction from 0 to below 1 (0.001 = 0.1%)', amortise: 'number of months ≥ 0' }[flag];
      console.error(`--${flag} must be a ${wanted}, got "${raw}"`);
      return 2;
    }
    settings[key] = value;
  }

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 2;
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.issues.length} problem${parsed.issues.length > 1 ? 's' : ''}, nothing was solved:`);
    for (const issue of parsed.issues) console.error(`  - ${issue.message}`);
    return 2;
  }
  for (const note of parsed.migrationsApplied) console.log(`upgraded from an older format: ${note}`);

  const glpk = await loadGlpk(GLPK);
  if (args.values.lp) {
    const model = buildLayoutModel(parsed.scenario, { objective: settings.objective, migrationAmortisationMonths: settings.migrationAmortisationMonths }).model;
    writeFileSync(args.values.lp, toCplexLp(glpk, model));
    console.log(`model written to ${args.values.lp}`);
  }
  const plan = planLayout(parsed.scenario, glpk, settings);
  const baselines = computeBaselines(parsed.scenario, { migrationAmortisationMonths: settings.migrationAmortisationMonths });
  console.log(formatPlanSummary(parsed.scenario, plan, baselines));
  if (args.values.out) {
    writeFileSync(args.values.out, JSON.stringify({ scenarioName: parsed.scenario.name, plan, baselines }, null, 2) + '\n');
    console.log(`plan written to ${args.values.out}`);
  }
  return plan.status === 'optimal' || plan.status === 'feasible' ? 0 : 3;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`tierwise: unexpected error: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
