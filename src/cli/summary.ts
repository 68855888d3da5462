/** The plain-text summary the CLI prints: the same figures the page shows. */
import type { PlacementPlan, Scenario } from '../planner';

const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export function table(header: string[], rows: string[][], rightAligned: Set<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatPlanSummary(s: Scenario, plan: PlacementPlan): string {
  const out: string[] = [];
  out.push(`${s.name}: ${plan.status}${plan.message ? ` (${plan.message})` : ''}`);
  out.push(`model ${plan.model.rows} rows × ${plan.model.columns} columns (${plan.model.integerColumns} integer), solved in ${plan.solveSeconds.toFixed(2)} s`);
  if (Object.keys(plan.placement).length > 0) {
    const rows = s.applications.flatMap((app) =>
      app.components.map((c) => {
        const site = plan.placement[c.id] ?? '-';
        return [app.name, c.name, String(c.servers), c.homeSite, site, site !== c.homeSite ? 'moved' : ''];
      }),
    );
    out.push('', table(['Application', 'Component', 'Servers', 'Home', 'Placed at', ''], rows, new Set([2])));
    const sq = plan.statusQuo.cost;
    const cost = plan.cost;
    const saving = sq.total - cost.total;
    out.push(
      '',
      table(
        ['Monthly cost (USD)', 'Status quo', 'Plan'],
        [
          ['Servers', money(sq.servers), money(cost.servers)],
          ['Storage', money(sq.storage), money(cost.storage)],
          ['Data transfer', money(sq.transfer), money(cost.transfer)],
          ['Total', money(sq.total), money(cost.total)],
        ],
        new Set([1, 2]),
      ),
      '',
      `saving ${money(saving)} a month (${sq.total > 0 ? ((100 * saving) / sq.total).toFixed(1) : '0.0'}% of the status quo)`,
    );
    if (plan.statusQuo.violations.length > 0) out.push(`note: the status quo itself breaks ${plan.statusQuo.violations.map((v) => v.message).join('; ')}`);
  }
  return out.join('\n');
}
