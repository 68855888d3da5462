import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../app/format';
import type { TradeoffPoint, TradeoffSweep } from '../planner/placement/tradeoff';

const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** The evaluator's monthly cost of a point's plan, or null when the point has no valid layout. */
export function pointCost(point: TradeoffPoint): number | null {
  const { plan } = point;
  return (plan.status === 'optimal' || plan.status === 'feasible') && plan.evaluation?.feasible ? plan.evaluation.cost.total : null;
}

export function sweepUnit(kind: TradeoffSweep['kind']): string {
  return kind === 'meanIncrease' ? 'ms' : 'Mbps';
}

export function pointLabel(kind: TradeoffSweep['kind'], value: number): string {
  const v = Number(value.toPrecision(6));
  return kind === 'meanIncrease' ? `+${v} ms` : `${v} Mbps`;
}

interface TradeoffChartProps {
  sweep: TradeoffSweep;
  points: TradeoffPoint[];
  selected: number;
  onSelect(index: number): void;
  /** The solved plan's monthly cost, drawn as a reference line. */
  currentCost?: number;
}

/** Cost against the swept limit: gaps (and red dashed lines) where no layout exists; the selected point ringed. */
export function TradeoffChart({ sweep, points, selected, onSelect, currentCost }: TradeoffChartProps) {
  const data = points.map((p) => ({ value: p.value, cost: pointCost(p) }));
  const chosen = data[selected];
  const unit = sweepUnit(sweep.kind);
  return (
    <div className="tradeoff-chart">
      <figure className="chart" aria-label={`Monthly cost against the ${sweep.kind === 'meanIncrease' ? 'allowed increase of mean response time' : 'bandwidth cap per link'}`}>
        <LineChart
          data={data}
          responsive
          style={{ width: '100%', height: 260, cursor: 'pointer' }}
          margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
          onClick={(state) => {
            const index = Number(state?.activeTooltipIndex);
            if (Number.isInteger(index) && index >= 0 && index < points.length) onSelect(index);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
          <XAxis
            dataKey="value"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={data.map((d) => d.value)}
            tickFormatter={(v: number) => `${Number(v.toPrecision(4))}`}
            label={{ value: sweep.kind === 'meanIncrease' ? 'allowed increase of the mean (ms)' : 'bandwidth cap per link direction (Mbps)', position: 'insideBottom', offset: -4, fontSize: 12 }}
            height={40}
          />
          <YAxis tickFormatter={(v: number) => compactMoney.format(v)} width={64} domain={['auto', 'auto']} />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? formatMoney(value) : 'no layout')}
            labelFormatter={(label) => pointLabel(sweep.kind, Number(label))}
          />
          {data
            .filter((d) => d.cost === null)
            .map((d) => (
              <ReferenceLine key={`x${d.value}`} x={d.value} stroke="#c4262e" strokeDasharray="4 3" label={{ value: '×', fill: '#c4262e', position: 'top' }} />
            ))}
          {currentCost !== undefined && (
            <ReferenceLine y={currentCost} ifOverflow="extendDomain" stroke="#1a7f37" strokeDasharray="6 4" label={{ value: 'solved plan', fill: '#1a7f37', position: 'insideTopRight', fontSize: 12 }} />
          )}
          <Line dataKey="cost" name="Monthly cost" stroke="#1f6feb" strokeWidth={2} connectNulls={false} dot={{ r: 4 }} activeDot={{ r: 6 }} isAnimationActive={false} />
          {chosen && chosen.cost !== null && <ReferenceDot x={chosen.value} y={chosen.cost} r={9} fill="none" stroke="#f2a900" strokeWidth={3} />}
        </LineChart>
        <figcaption className="hint">
          Click a point to see its layout. {data.some((d) => d.cost === null) && `Red dashed lines: no layout exists at that ${unit === 'ms' ? 'bound' : 'cap'}.`}
          {currentCost !== undefined && ' Green dashed line: the plan solved above.'}
        </figcaption>
      </figure>
      <ul className="tradeoff-points" aria-label="Points of the sweep">
        {data.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              className={`point-chip${d.cost === null ? ' point-infeasible' : ''}`}
              aria-pressed={i === selected}
              data-testid="tradeoff-point"
              data-value={String(d.value)}
              data-cost={d.cost === null ? '' : String(d.cost)}
              data-feasible={String(d.cost !== null)}
              onClick={() => onSelect(i)}
            >
              <span>{pointLabel(sweep.kind, d.value)}</span>
              <strong>{d.cost === null ? 'no layout' : formatMoney(d.cost)}</strong>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
