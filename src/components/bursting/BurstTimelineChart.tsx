import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scenario } from '../../planner';
import type { BurstEvaluation } from '../../planner/bursting/burstSchedule';
import { periodLabel, zoneName } from '../../planner/bursting/periodLabels';

const PALETTE = ['#1f6feb', '#8250df', '#bf3989', '#1a7f37', '#9a6700', '#0a7ea4', '#cf222e', '#57606a'];

/** Most applications drawn one by one; with more, the ones that burst most, and the rest as one band (a chart of 40 bands helps nobody and takes a second to draw). */
const MAX_SERIES = 8;

function chartSeries(scenario: Scenario, evaluation: BurstEvaluation): { id: string; name: string; members: string[] }[] {
  const apps = scenario.applications.filter((a) => evaluation.serversByApplication[a.id]);
  if (apps.length <= MAX_SERIES) return apps.map((a) => ({ id: a.id, name: a.name, members: [a.id] }));
  const cloudHours = (id: string) => evaluation.serversByApplication[id]!.cloud.reduce((n, x) => n + x, 0);
  const ranked = [...apps].sort((a, b) => cloudHours(b.id) - cloudHours(a.id) || a.name.localeCompare(b.name));
  const shown = ranked.slice(0, MAX_SERIES - 1);
  const rest = ranked.slice(MAX_SERIES - 1);
  return [...shown.map((a) => ({ id: a.id, name: a.name, members: [a.id] })), { id: '__other', name: `${rest.length} other applications`, members: rest.map((a) => a.id) }];
}

/** Servers at home and in the cloud per application, stacked, against the data centres' capacity; demand below. */
export function BurstTimelineChart({ scenario, evaluation }: { scenario: Scenario; evaluation: BurstEvaluation }) {
  const apps = chartSeries(scenario, evaluation);
  const capacity = Object.values(evaluation.localCapacity);
  const data = Array.from({ length: evaluation.periods }, (_, p) => {
    const row: Record<string, number | string> = { period: p, label: periodLabel(scenario.demand, p, true) };
    for (const a of apps) {
      row[`${a.id}:home`] = a.members.reduce((n, m) => n + evaluation.serversByApplication[m]!.home[p]!, 0);
      row[`${a.id}:cloud`] = a.members.reduce((n, m) => n + evaluation.serversByApplication[m]!.cloud[p]!, 0);
      if (a.members.length === 1) row[`${a.id}:demand`] = evaluation.demand[a.id]?.[p] ?? 0;
    }
    if (capacity.length > 0) row.capacity = capacity.reduce((n, c) => n + c[p]!, 0);
    return row;
  });
  // About one label a day for a week of hours; long horizons thin out the same way.
  const tickEvery = Math.max(1, Math.round(evaluation.periods / 7));
  const ticks = data.filter((_, p) => p % tickEvery === 0).map((d) => d.period as number);
  const xAxis = (
    <XAxis dataKey="period" type="number" domain={[0, evaluation.periods - 1]} ticks={ticks} tickFormatter={(p: number) => periodLabel(scenario.demand, p, true)} fontSize={11} />
  );
  const labelOf = (p: unknown) => periodLabel(scenario.demand, Number(p));
  const unit = scenario.demand?.unit ?? 'demand';
  return (
    <div className="burst-charts">
      <figure className="chart" aria-label="Servers on-premise and in the cloud per application, over the horizon" data-testid="burst-timeline">
        <ComposedChart data={data} responsive style={{ width: '100%', height: 300 }} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
          {xAxis}
          <YAxis allowDecimals={false} width={44} label={{ value: 'servers', angle: -90, position: 'insideLeft', fontSize: 12 }} />
          <Tooltip labelFormatter={labelOf} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {apps.map((a, i) => (
            <Area key={`${a.id}:home`} dataKey={`${a.id}:home`} name={`${a.name}, on-premise`} stackId="servers" type="stepAfter" stroke={PALETTE[i % PALETTE.length]} fill={PALETTE[i % PALETTE.length]} fillOpacity={0.55} isAnimationActive={false} />
          ))}
          {apps.map((a, i) => (
            <Area key={`${a.id}:cloud`} dataKey={`${a.id}:cloud`} name={`${a.name}, cloud`} stackId="servers" type="stepAfter" stroke={PALETTE[i % PALETTE.length]} fill={PALETTE[i % PALETTE.length]} fillOpacity={0.2} strokeDasharray="4 2" isAnimationActive={false} />
          ))}
          {capacity.length > 0 && <Line dataKey="capacity" name="Local capacity" type="stepAfter" stroke="#c4262e" strokeWidth={2} dot={false} isAnimationActive={false} />}
        </ComposedChart>
        <figcaption className="hint">
          Solid: servers in the data centre; pale, dashed: servers in the cloud; red: local capacity. Times in {zoneName(scenario.demand) || 'periods'}.
        </figcaption>
      </figure>
      <figure className="chart" aria-label="Demand per application over the horizon">
        <LineChart data={data} responsive style={{ width: '100%', height: 180 }} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
          {xAxis}
          <YAxis width={44} fontSize={11} />
          <Tooltip labelFormatter={labelOf} />
          {apps.filter((a) => a.members.length === 1).map((a, i) => (
            <Line key={a.id} dataKey={`${a.id}:demand`} name={`${a.name} (${unit})`} type="monotone" stroke={PALETTE[i % PALETTE.length]} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
        <figcaption className="hint">Demand per application ({unit}).</figcaption>
      </figure>
    </div>
  );
}
