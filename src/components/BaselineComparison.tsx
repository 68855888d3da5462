import { Bar, BarChart, CartesianGrid, Cell, Legend, Text, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatPercent } from '../app/format';
import type { SolveOutcome } from '../app/useSolve';
import type { LayoutEvaluation } from '../planner/evaluate/evaluateLayout';

const SERIES = [
  { key: 'servers', label: 'Servers', color: '#1f6feb' },
  { key: 'storage', label: 'Storage', color: '#8250df' },
  { key: 'transfer', label: 'Transfer', color: '#d97706' },
  { key: 'migration', label: 'Migration (amortised)', color: '#0e7490' },
] as const;

const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** An axis label wrapped onto up to two lines under its bar. */
function WrappedTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <Text x={Number(x)} y={Number(y) + 4} width={112} maxLines={3} textAnchor="middle" verticalAnchor="start" fontSize={12} fill="#5b6575">
      {String(payload?.value ?? '')}
    </Text>
  );
}

interface Row {
  id: string;
  name: string;
  /** A short label for the chart's axis. */
  short: string;
  evaluation: LayoutEvaluation;
  cheapestLift: boolean;
  optimised: boolean;
}

function rowsOf({ plan, baselines }: SolveOutcome): Row[] {
  const row = (id: string, name: string, short: string, evaluation: LayoutEvaluation, extra: Partial<Row> = {}): Row => ({
    id,
    name,
    short,
    evaluation,
    cheapestLift: false,
    optimised: false,
    ...extra,
  });
  const rows = [
    row(baselines.statusQuo.id, 'Status quo', 'Status quo', baselines.statusQuo.evaluation),
    ...baselines.liftAndShift.map((b) =>
      row(b.id, b.name, b.name.replace(/^Lift-and-shift to /, 'Lift → '), b.evaluation, { cheapestLift: b.id === baselines.cheapestFeasibleLiftAndShift }),
    ),
    row(baselines.greedy.id, baselines.greedy.name, 'Greedy', baselines.greedy.evaluation),
  ];
  if ((plan.status === 'optimal' || plan.status === 'feasible') && plan.evaluation) rows.push(row('optimised', 'Optimised plan', 'Optimised', plan.evaluation, { optimised: true }));
  return rows;
}

/** Monthly cost of the status quo, every lift-and-shift, the greedy heuristic and the optimised plan, all priced by the evaluator. */
export function BaselineComparison({ outcome }: { outcome: SolveOutcome }) {
  const rows = rowsOf(outcome);
  const statusQuo = outcome.baselines.statusQuo.evaluation.cost.total;
  const data = rows.map((r) => ({
    name: r.short,
    servers: r.evaluation.cost.servers,
    storage: r.evaluation.cost.storage,
    transfer: r.evaluation.cost.transfer.total,
    migration: r.evaluation.cost.migration.amortisedMonthly,
  }));
  const hasMigration = data.some((d) => d.migration > 0);
  return (
    <>
      <figure className="chart" aria-label="Monthly cost of each baseline and of the optimised plan, by kind">
        <BarChart data={data} responsive style={{ width: '100%', height: 250 }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e6eb" />
          <XAxis dataKey="name" tickLine={false} interval={0} tick={(props) => <WrappedTick {...props} />} height={54} />
          <YAxis tickFormatter={(v: number) => compactMoney.format(v)} width={64} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(value) : String(value))} cursor={{ fill: 'rgba(31,111,235,0.06)' }} />
          <Legend />
          {SERIES.filter((s) => s.key !== 'migration' || hasMigration).map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="cost" fill={s.color} maxBarSize={80} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.id} fillOpacity={r.evaluation.feasible ? 1 : 0.35} />
              ))}
            </Bar>
          ))}
        </BarChart>
        <figcaption className="hint">Pale bars break at least one rule (capacity, pins, response time, bandwidth).</figcaption>
      </figure>
      <div className="table-scroll">
        <table className="data-table baseline-table">
          <caption className="visually-hidden">Monthly cost of the baselines and the optimised plan</caption>
          <thead>
            <tr>
              <th scope="col">Layout</th>
              <th scope="col" className="num">Servers</th>
              <th scope="col" className="num">Storage</th>
              <th scope="col" className="num">Transfer</th>
              <th scope="col" className="num">Migration</th>
              <th scope="col" className="num">Total / month</th>
              <th scope="col" className="num">vs status quo</th>
              <th scope="col">Feasible</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const { cost, feasible, violations } = r.evaluation;
              const saving = statusQuo - cost.total;
              const testValue = (what: string, value: number) => (r.optimised ? { 'data-testid': `plan-${what}-cost`, 'data-value': String(value) } : {});
              return (
                <tr
                  key={r.id}
                  data-testid="baseline-row"
                  data-baseline={r.id}
                  data-value={String(cost.total)}
                  data-feasible={String(feasible)}
                  className={r.optimised ? 'row-optimised' : r.cheapestLift ? 'row-cheapest' : undefined}
                >
                  <th scope="row">
                    {r.name}
                    {r.cheapestLift && (
                      <span className="tag tag-cheapest" title="The cheapest lift-and-shift that breaks no rule">
                        cheapest feasible
                      </span>
                    )}
                  </th>
                  <td className="num" {...testValue('servers', cost.servers)}>
                    {formatMoney(cost.servers)}
                  </td>
                  <td className="num" {...testValue('storage', cost.storage)}>
                    {formatMoney(cost.storage)}
                  </td>
                  <td className="num">{formatMoney(cost.transfer.total)}</td>
                  <td className="num">{cost.migration.amortisedMonthly > 0 ? formatMoney(cost.migration.amortisedMonthly) : <span className="muted">—</span>}</td>
                  <td className="num strong">{formatMoney(cost.total)}</td>
                  <td className={`num ${saving > 0.005 ? 'positive' : saving < -0.005 ? 'negative' : ''}`}>
                    {r.id === 'status-quo' ? <span className="muted">—</span> : `${saving >= 0 ? '−' : '+'}${formatMoney(Math.abs(saving))} (${formatPercent(statusQuo > 0 ? Math.abs(saving) / statusQuo : 0)})`}
                  </td>
                  <td>
                    {feasible ? (
                      <span className="tag tag-ok">yes</span>
                    ) : (
                      <details className="violations">
                        <summary>
                          <span className="tag tag-bad">no</span> {violations.length === 1 ? '1 rule' : `${violations.length} rules`}
                        </summary>
                        <ul>
                          {violations.map((v, i) => (
                            <li key={i}>{v.message}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
