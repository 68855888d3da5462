/** The plain-text summary the CLI prints: the same figures the page shows. */
import type { Scenario } from '../planner';
import type { LayoutPlan } from '../planner/placement/planLayout';
import type { Baselines } from '../planner/placement/baselines';

const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export function table(header: string[], rows: string[][], rightAligned: Set<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatPlanSummary(s: Scenario, plan: LayoutPlan, baselines: Baselines): string {
  const out: string[] = [];
  const gap = Number.isFinite(plan.gap) ? `, proven gap ${(plan.gap * 100).toFixed(3)}%` : '';
  out.push(`${s.name}: ${plan.status}${plan.message ? ` (${plan.message})` : ''}`);
  out.push(
    `model ${plan.model.rows} rows × ${plan.model.columns} columns (${plan.model.integerColumns} integer), ${plan.method === 'decomposition' ? `decomposed into ${plan.blocks} blocks, ` : ''}solved in ${plan.solveSeconds.toFixed(2)} s${gap}${plan.cutRounds ? `, ${plan.cutRounds} p95 cut rounds` : ''}`,
  );
  const e = plan.evaluation;
  if (plan.layout && e) {
    const rows = s.applications.flatMap((app) =>
      app.components.map((c) => {
        const at = Object.entries(plan.layout!.servers[c.id] ?? {}).map(([site, n]) => `${site}×${n}`).join(' + ');
        const moved = Object.keys(plan.layout!.servers[c.id] ?? {}).some((site) => site !== c.homeSite);
        return [app.name, c.name, String(c.servers), c.homeSite, at, moved ? 'moved' : ''];
      }),
    );
    out.push('', table(['Application', 'Component', 'Servers', 'Home', 'Placed at', ''], rows, new Set([2])));
    const sq = baselines.statusQuo.evaluation.cost;
    const cost = e.cost;
    out.push(
      '',
      table(
        ['Monthly cost (USD)', 'Status quo', 'Plan'],
        [
          ['Servers', money(sq.servers), money(cost.servers)],
          ['Storage', money(sq.storage), money(cost.storage)],
          ['Data transfer', money(sq.transfer.total), money(cost.transfer.total)],
          ['Migration (amortised)', money(sq.migration.amortisedMonthly), money(cost.migration.amortisedMonthly)],
          ['Total', money(sq.total), money(cost.total)],
        ],
        new Set([1, 2]),
      ),
    );
    const saving = sq.total - cost.total;
    out.push('', `saving ${money(saving)} a month (${sq.total > 0 ? ((100 * saving) / sq.total).toFixed(1) : '0.0'}% of the status quo)`);
    const compared = [baselines.statusQuo, ...baselines.liftAndShift, baselines.greedy].map((b) => [
      b.name + (b.id === baselines.cheapestFeasibleLiftAndShift ? ' (cheapest feasible lift-and-shift)' : ''),
      money(b.evaluation.cost.total),
      b.evaluation.feasible ? 'feasible' : `${b.evaluation.violations.length} violations`,
    ]);
    out.push('', table(['Baseline', 'Monthly cost', 'Evaluator'], [...compared, ['Optimised plan', money(cost.total), e.feasible ? 'feasible' : 'violations']], new Set([1])));
    const delays = e.delays.map((d) => [
      d.transactionId,
      d.regionId,
      `${d.statusQuoMeanMs.toFixed(1)} → ${d.meanMs.toFixed(1)}`,
      d.bounds.maxMeanIncreaseMs !== undefined ? `+${d.meanIncreaseMs.toFixed(1)} ≤ ${d.bounds.maxMeanIncreaseMs}` : `+${d.meanIncreaseMs.toFixed(1)}`,
      `${d.statusQuoP95Ms.toFixed(1)} → ${d.p95Ms.toFixed(1)}`,
      d.bounds.maxP95Ms !== undefined ? `≤ ${d.bounds.maxP95Ms}` : '',
      d.meanOk && d.p95Ok ? 'ok' : 'VIOLATED',
    ]);
    out.push('', table(['Transaction', 'Region', 'Mean ms', 'Increase', 'p95 ms', 'p95 bound', ''], delays), `p95: ${e.p95Method}`);
  }
  if (plan.relaxations.length > 0) out.push('', 'It would work if you:', ...plan.relaxations.map((r) => `  - ${r.message}`));
  return out.join('\n');
}
