import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostBreakdown } from '../planner';
import { formatMoney } from '../app/format';

const SERIES = [
  { key: 'servers', label: 'Servers', color: '#1f6feb' },
  { key: 'storage', label: 'Storage', color: '#8250df' },
  { key: 'transfer', label: 'Transfer', color: '#d97706' },
] as const;

const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** Stacked monthly cost by kind: status quo next to the optimised plan, with the same numbers as a table. */
export function CostChart({ statusQuo, optimised }: { statusQuo: CostBreakdown; optimised: CostBreakdown | null }) {
  const rows = [
    { name: 'Status quo', cost: statusQuo },
    ...(optimised ? [{ name: 'Optimised', cost: optimised }] : []),
  ];
  const data = rows.map(({ name, cost }) => ({ name, servers: cost.servers, storage: cost.storage, transfer: cost.transfer }));
  return (
    <div className="cost-chart">
      <figure className="chart" aria-label="Monthly cost by kind, status quo and optimised">
        <BarChart data={data} responsive style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e6eb" />
          <XAxis dataKey="name" tickLine={false} />
          <YAxis tickFormatter={(v: number) => compactMoney.format(v)} width={64} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(value) : String(value))} cursor={{ fill: 'rgba(31,111,235,0.06)' }} />
          <Legend />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="cost" fill={s.color} maxBarSize={90} isAnimationActive={false} />
          ))}
        </BarChart>
      </figure>
      <table className="data-table compact">
        <caption className="visually-hidden">Monthly cost by kind</caption>
        <thead>
          <tr>
            <th scope="col">Per month</th>
            {rows.map((r) => (
              <th scope="col" className="num" key={r.name}>
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SERIES.map((s) => (
            <tr key={s.key}>
              <th scope="row">
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </th>
              {rows.map((r) => (
                <td className="num" key={r.name}>
                  {formatMoney(r.cost[s.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {rows.map((r) => (
              <td className="num" key={r.name}>
                {formatMoney(r.cost.total)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
