/**
 * The bursting part of npm run bench: for generated estates of A applications
 * over a week of hourly periods (and a month of them), model size, solve time,
 * status and proven gap of the MILP, against the Seagull-like greedy in cost and
 * time, every schedule priced by the independent evaluator.
 * Options: --quick (smaller estates), --time-limit SECONDS (default 60).
 */
import GLPK from 'glpk.js/node';
import { loadGlpk } from '../src/planner/solver/glpk';
import { parseScenario } from '../src/planner/scenario/validate';
import { compareBursting } from '../src/planner/bursting/planBursting';
import { generateBurstEstate } from '../src/planner/testing/generateBurstEstate';
import { table } from '../src/cli/summary';

const quick = process.argv.includes('--quick');
const limitArg = process.argv.indexOf('--time-limit');
const timeLimitSeconds = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 60;
const only = process.argv.indexOf('--only');
const sizes: [number, number][] = only > 0 ? [process.argv[only + 1]!.split('x').map(Number) as [number, number]] : quick ? [[5, 168], [20, 168]] : [[5, 168], [20, 168], [40, 168], [20, 720]];

const glpk = await loadGlpk(GLPK);
const rows: string[][] = [];
console.log(`\nBursting optimiser on generated estates (2 cloud regions, time limit ${timeLimitSeconds} s, target gap 0.1%)\n`);
for (const [apps, periods] of sizes) {
  const parsed = parseScenario(generateBurstEstate(apps, periods));
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  const components = parsed.scenario.applications.reduce((n, a) => n + a.components.length, 0);
  const { plan, baselines } = compareBursting(parsed.scenario, glpk, { timeLimitSeconds, mipGap: 0.001 });
  const greedy = baselines.find((b) => b.id === 'greedy')!;
  const naive = baselines.find((b) => b.id === 'naive')!;
  const buy = baselines.find((b) => b.id === 'buy-peak')!;
  const total = plan.evaluation?.cost.total;
  // What a schedule changes: everything but the owned data centre (the same in every plan).
  const cloudSide = (e: NonNullable<typeof plan.evaluation>) => e.cost.total - e.cost.localOwned;
  rows.push([
    String(apps),
    String(components),
    String(periods),
    `${plan.model.rows}×${plan.model.columns} (${plan.model.integerColumns} int)`,
    `${plan.status}${plan.source === 'greedy' ? ' (greedy)' : ''}`,
    `${plan.solveSeconds.toFixed(2)} s`,
    Number.isFinite(plan.gap) ? `${(plan.gap * 100).toFixed(2)}% ($${plan.gapUSD.toFixed(2)})` : 'unknown',
    total !== undefined ? total.toFixed(0) : '-',
    plan.evaluation ? cloudSide(plan.evaluation).toFixed(0) : '-',
    `${cloudSide(greedy.evaluation).toFixed(0)}${greedy.evaluation.feasible ? '' : ' (infeasible)'}`,
    plan.evaluation && cloudSide(greedy.evaluation) > 0 ? `${(((cloudSide(greedy.evaluation) - cloudSide(plan.evaluation)) / cloudSide(greedy.evaluation)) * 100).toFixed(1)}%` : '-',
    `${(greedy.seconds * 1000).toFixed(0)} ms`,
    `${cloudSide(naive.evaluation).toFixed(0)}`,
    `${buy.evaluation.cost.localBought.toFixed(0)}`,
  ]);
  console.log(rows.at(-1)!.join('  '));
}
console.log(
  '\n' +
    table(
      ['Apps', 'Comp.', 'Periods', 'Model per region (rows×cols)', 'Status', 'MILP solve', 'Gap', 'Total', 'Beyond owned', 'Greedy beyond owned', 'MILP saves', 'Greedy time', 'Naive beyond owned', 'Buy-peak extra'],
      rows,
      new Set([0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
    ),
);
console.log('Beyond owned = the total over the horizon less the owned data-centre capacity, which is the same in every plan (USD): cloud servers, WAN and user transfer, images, capacity bought.');
