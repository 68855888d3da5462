/**
 * npm run bench: how fast the placement optimiser is, measured, not asserted.
 * Prints, per generated estate (components × sites, capacity slack or binding):
 * model size, method (one model, or decomposed into blocks), solve time, proven
 * gap and the independent evaluator's verdict; and, when GLPK's native glpsol is
 * installed, its time on the very same model exported as CPLEX LP.
 * Options: --quick (small sizes only), --time-limit SECONDS (default 60).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import GLPK from 'glpk.js/node';
import { loadGlpk, modelSize, toCplexLp } from '../src/planner/solver/glpk';
import { planLayout, DEFAULT_LAYOUT_PLAN_SETTINGS } from '../src/planner/placement/planLayout';
import { buildLayoutModel } from '../src/planner/placement/layoutModel';
import { parseScenario } from '../src/planner/scenario/validate';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { table } from '../src/cli/summary';

const quick = process.argv.includes('--quick');
const limitArg = process.argv.indexOf('--time-limit');
const timeLimitSeconds = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 60;
const sizes: [number, number][] = quick ? [[10, 3], [50, 3], [100, 4]] : [[10, 3], [50, 3], [100, 4], [200, 4], [300, 6], [500, 8]];

function glpsolSeconds(lp: string): string {
  try {
    execFileSync('glpsol', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'not installed';
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-'));
  const file = join(dir, 'model.lp');
  writeFileSync(file, lp);
  const started = performance.now();
  try {
    execFileSync('glpsol', ['--lp', file, '--tmlim', String(timeLimitSeconds), '--mipgap', '0.001'], { stdio: 'ignore', timeout: (timeLimitSeconds + 30) * 1000 });
  } catch {
    return 'failed';
  }
  return `${((performance.now() - started) / 1000).toFixed(2)} s`;
}

const glpk = await loadGlpk(GLPK);
const rows: string[][] = [];
console.log(`Placement optimiser on generated estates (time limit ${timeLimitSeconds} s, target gap 0.1%, Node ${process.version})\n`);
for (const binding of [false, true]) {
  for (const [components, sites] of sizes) {
    const parsed = parseScenario(generateEstate(components, sites, 1, binding));
    if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
    const whole = modelSize(buildLayoutModel(parsed.scenario).model);
    const plan = planLayout(parsed.scenario, glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, timeLimitSeconds });
    const verdict = plan.evaluation ? (plan.evaluation.feasible ? 'accepted' : `${plan.evaluation.violations.length} violations`) : '-';
    const native = components <= 100 ? glpsolSeconds(toCplexLp(glpk, buildLayoutModel(parsed.scenario).model)) : 'skipped (>100)';
    rows.push([
      String(components),
      String(sites),
      binding ? 'binding' : 'slack',
      `${whole.rows}×${whole.columns} (${whole.integerColumns} int)`,
      plan.method === 'decomposition' ? `decomposed, ${plan.blocks} blocks` : 'one model',
      plan.status,
      `${plan.solveSeconds.toFixed(2)} s`,
      Number.isFinite(plan.gap) ? `${(plan.gap * 100).toFixed(3)}%` : 'unknown',
      plan.evaluation ? plan.evaluation.cost.total.toFixed(0) : '-',
      verdict,
      native,
    ]);
    console.log(rows.at(-1)!.join('  '));
  }
}
console.log('\n' + table(['Comp.', 'Sites', 'Capacity', 'Model (rows×cols)', 'Method', 'Status', 'Solve', 'Gap', 'Cost/month', 'Evaluator', 'glpsol, same LP'], rows, new Set([0, 1, 6, 7, 8])));
