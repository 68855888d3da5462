import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../app/format';
import type { Scenario } from '../../planner';
import type { BurstCostTerm, BurstEvaluation } from '../../planner/bursting/burstSchedule';
import { periodLabel } from '../../planner/bursting/periodLabels';

/** The terms that change from period to period; owned and bought local capacity are spread evenly and shown apart. */
export const VARIABLE_TERMS: { term: BurstCostTerm; name: string; colour: string }[] = [
  { term: 'cloudServers', name: 'Cloud servers', colour: '#1f6feb' },
  { term: 'wanTransfer', name: 'WAN transfer', colour: '#8250df' },
  { term: 'userTransfer', name: 'User traffic', colour: '#9a6700' },
  { term: 'imageTransfer', name: 'Image copies', colour: '#cf222e' },
  { term: 'imageStorage', name: 'Image storage', colour: '#1a7f37' },
];

export function BurstCostChart({ scenario, evaluation }: { scenario: Scenario; evaluation: BurstEvaluation }) {
  const data = evaluation.costByPeriod.map((c, p) => {
    const row: Record<string, number> = { period: p };
    for (const t of VARIABLE_TERMS) row[t.term] = c[t.term];
    return row;
  });
  // About one label a day for a week of hours; long horizons thin out the same way.
  const tickEvery = Math.max(1, Math.round(evaluation.periods / 7));
  return (
    <figure className="chart" aria-label="Cost per period by term" data-testid="burst-cost-chart">
      <BarChart data={data} responsive style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 24, bottom: 4, left: 8 }} barCategoryGap={0}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
        <XAxis dataKey="period" interval={tickEvery - 1} tickFormatter={(p: number) => periodLabel(scenario.demand, p, true)} fontSize={11} />
        <YAxis width={56} tickFormatter={(v: number) => `$${Number(v.toPrecision(3))}`} fontSize={11} />
        <Tooltip labelFormatter={(p) => periodLabel(scenario.demand, Number(p))} formatter={(v) => (typeof v === 'number' ? formatMoney(v) : String(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {VARIABLE_TERMS.map((t) => (
          <Bar key={t.term} dataKey={t.term} name={t.name} stackId="cost" fill={t.colour} isAnimationActive={false} />
        ))}
      </BarChart>
      <figcaption className="hint">
        Cost of each period beyond the owned data-centre capacity ({formatMoney(evaluation.cost.localOwned)} over the horizon, the same in every plan).
      </figcaption>
    </figure>
  );
}
