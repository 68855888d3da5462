/**
 * Headless planner on the same core as the page:
 *   npm run plan -- <scenario.json> [--out plan.json] [--lp model.lp] [--report report.html] [--time-limit 60] [--gap 0]
 * `--report` writes the planning report; its extension picks the format: .html (self-contained page),
 * .md (Markdown), .json (scenario, plan, baselines), .csv (three files: NAME-layout.csv, NAME-costs.csv,
 * NAME-delays.csv). The report is written also when no plan is found: it explains why.
 * Exit codes: 0 a plan was found; 2 the input is unreadable or invalid, or an option is (every problem is
 * printed); 3 the scenario has no feasible plan or the solver found none in time; 1 an output file could
 * not be written, or an unexpected error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import GLPK from 'glpk.js/node';
import { loadGlpk, parseScenarioJson, toCplexLp } from '../planner';
import { DEFAULT_LAYOUT_PLAN_SETTINGS, planLayout, type LayoutPlanSettings } from '../planner/placement/planLayout';
import { buildLayoutModel } from '../planner/placement/layoutModel';
import { computeBaselines } from '../planner/placement/baselines';
import { burstReport } from '../planner/bursting/burstReport';
import { compareBursting } from '../planner/bursting/planBursting';
import { buildReport, costsCsv, delaysCsv, layoutCsv, renderHtmlReport, renderMarkdownReport, reportJson } from '../planner/report';
import { formatPlanSummary } from './summary';

const USAGE =
  'usage: npm run plan -- <scenario.json> [--out plan.json] [--lp model.lp] [--report FILE.html|.md|.json|.csv] [--time-limit SECONDS] [--gap FRACTION] [--amortise MONTHS]';

type ReportFormat = 'html' | 'md' | 'json' | 'csv';
const REPORT_FORMATS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.md': 'md', '.json': 'json', '.csv': 'csv' };

/** The files a report goes to: one, or three for CSV (`out/r.csv` → `out/r-layout.csv`, …). */
function reportFiles(path: string, format: ReportFormat): { layout: string; costs: string; delays: string } | string {
  if (format !== 'csv') return path;
  const base = path.slice(0, path.length - extname(path).length);
  return { layout: `${base}-layout.csv`, costs: `${base}-costs.csv`, delays: `${base}-delays.csv` };
}

function write(path: string, content: string): boolean {
  try {
    writeFileSync(path, content);
    return true;
  } catch (error) {
    console.error(`${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return false;
  }
}

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
        report: { type: 'string' },
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

  const reportPath = args.values.report;
  const reportFormat = reportPath !== undefined ? REPORT_FORMATS[extname(reportPath).toLowerCase()] : undefined;
  if (reportPath !== undefined && !reportFormat) {
    console.error(`--report must be a file name ending in .html, .md, .json or .csv, got "${reportPath}"`);
    return 2;
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
  // A scenario with demand profiles is planned for bursting too, with the same limits.
  const burst = parsed.scenario.demand ? compareBursting(parsed.scenario, glpk, { timeLimitSeconds: settings.timeLimitSeconds, mipGap: settings.mipGap }) : undefined;
  if (burst) {
    console.log(`\nBursting over ${parsed.scenario.demand!.profiles[0]?.values.length ?? 0} periods: ${burst.plan.status}${burst.plan.message ? ` (${burst.plan.message})` : ''}`);
    if (burst.plan.evaluation) console.log(`  optimum: $${burst.plan.evaluation.cost.total.toFixed(2)} bursting to ${burst.plan.schedule!.burstRegion ?? 'nowhere'}, ${burst.plan.evaluation.events.length} burst events, solved in ${burst.plan.solveSeconds.toFixed(1)} s`);
    for (const b of burst.baselines) console.log(`  ${b.name}: $${b.evaluation.cost.total.toFixed(2)}${b.evaluation.feasible ? '' : ` (violates ${b.evaluation.violations.length} constraints)`}`);
  }
  if (args.values.out) {
    writeFileSync(args.values.out, JSON.stringify({ scenarioName: parsed.scenario.name, plan, baselines }, null, 2) + '\n');
    console.log(`plan written to ${args.values.out}`);
  }
  if (reportPath !== undefined && reportFormat) {
    const bursting = burst ? burstReport(parsed.scenario, burst) : undefined;
    const report = buildReport({ scenario: parsed.scenario, plan, baselines, generatedAt: new Date().toISOString(), ...(bursting ? { bursting } : {}) });
    const files = reportFiles(reportPath, reportFormat);
    let written: boolean;
    if (typeof files !== 'string') {
      written = write(files.layout, layoutCsv(report)) && write(files.costs, costsCsv(report)) && write(files.delays, delaysCsv(report));
      if (written) console.log(`report written to ${files.layout}, ${files.costs} and ${files.delays}`);
    } else {
      const content = reportFormat === 'html' ? renderHtmlReport(report) : reportFormat === 'md' ? renderMarkdownReport(report) : reportJson(report, JSON.parse(text));
      written = write(files, content);
      if (written) console.log(`report written to ${files}`);
    }
    if (!written) return 1;
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
