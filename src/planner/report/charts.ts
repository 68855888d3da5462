/**
 * Inline SVG charts for the HTML report, drawn by hand (no library, no script,
 * no external reference: HTML5 parses inline <svg> without an xmlns). Every
 * label goes through the `html` template, so user text is escaped.
 */
import { html, joinHtml, type SafeHtml } from './escape';
import { formatCount, formatMbps, formatNumber, formatPercent, formatUSD } from './format';
import type { ReportBursting, ReportCostRow, ReportLink, ReportTradeoff } from './reportData';

export const CHART_COLOURS = {
  servers: '#2f6db3',
  storage: '#8cbbe6',
  transfer: '#e08e2b',
  migration: '#8c64b8',
  line: '#2f6db3',
  reference: '#555555',
  ok: '#2f8f4e',
  warn: '#d08a00',
  bad: '#c0392b',
  track: '#e6e8ec',
  axis: '#888888',
  grid: '#dddddd',
  text: '#1b1f24',
  muted: '#5b6470',
};

const WIDTH = 900;
/** Coordinates are rounded to 0.1 px to keep the file small. */
const r = (x: number) => Math.round(x * 10) / 10;

/** Evenly spaced round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const norm = rough / magnitude;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-6; i++) ticks.push(+(first + i * step).toPrecision(12));
  return ticks;
}

const wholeUSD = (n: number) => formatUSD(n).replace(/\.\d\d$/, '');

/** Horizontal stacked bars: monthly cost of the plan and of every baseline, split by kind. */
export function costChart(rows: readonly ReportCostRow[]): SafeHtml {
  const showMigration = rows.some((row) => row.migrationAmortisedMonthly > 0);
  const segments = [
    { key: 'servers', label: 'Servers', colour: CHART_COLOURS.servers, value: (row: ReportCostRow) => row.servers },
    { key: 'storage', label: 'Storage', colour: CHART_COLOURS.storage, value: (row: ReportCostRow) => row.storage },
    { key: 'transfer', label: 'Data transfer', colour: CHART_COLOURS.transfer, value: (row: ReportCostRow) => row.transferTotal },
    ...(showMigration ? [{ key: 'migration', label: 'Migration (amortised)', colour: CHART_COLOURS.migration, value: (row: ReportCostRow) => row.migrationAmortisedMonthly }] : []),
  ];
  const left = 4;
  const barMax = WIDTH - 150;
  const legendHeight = 30;
  const rowHeight = 48;
  const height = legendHeight + rows.length * rowHeight + 8;
  const max = Math.max(1e-9, ...rows.map((row) => row.total));
  const scale = barMax / max;
  const statusQuo = rows.find((row) => row.kind === 'statusQuo');

  let x = left;
  const legend = segments.map((segment) => {
    const item = html`<rect x="${r(x)}" y="6" width="12" height="12" fill="${segment.colour}"/><text x="${r(x + 17)}" y="16.5">${segment.label}</text>`;
    x += 34 + segment.label.length * 7;
    return item;
  });

  const bars = rows.map((row, i) => {
    const y = legendHeight + i * rowHeight;
    let at = left;
    const parts = segments.map((segment) => {
      const w = Math.max(0, segment.value(row)) * scale;
      const rect = w > 0 ? html`<rect x="${r(at)}" y="${y + 20}" width="${r(w)}" height="18" fill="${segment.colour}"><title>${segment.label}: ${formatUSD(segment.value(row))}</title></rect>` : null;
      at += w;
      return rect;
    });
    const verdict = row.feasible ? '' : ` — breaks ${row.violations.length} constraint${row.violations.length === 1 ? '' : 's'}`;
    return html`<g class="${row.kind === 'plan' ? 'chart-plan' : ''}">
<text x="${left}" y="${y + 14}" class="${row.kind === 'plan' ? 'chart-strong' : ''}">${row.name}<tspan class="chart-bad">${verdict}</tspan></text>
${parts}
<text x="${r(left + row.total * scale + 8)}" y="${y + 33.5}" class="chart-value">${formatUSD(row.total)}</text>
</g>`;
  });

  const reference = statusQuo
    ? html`<line x1="${r(left + statusQuo.total * scale)}" x2="${r(left + statusQuo.total * scale)}" y1="${legendHeight + 16}" y2="${height - 4}" stroke="${CHART_COLOURS.reference}" stroke-width="1" stroke-dasharray="4 3"/>`
    : null;

  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="cost-chart-title" preserveAspectRatio="xMinYMin meet">
<title id="cost-chart-title">Monthly cost of the recommended plan and of each baseline, by kind of cost (dashed line: the status quo)</title>
${legend}
${bars}
${reference}
</svg>`;
}

/** The optimal monthly cost against the swept limit; points without a layout are marked on the axis. */
export function tradeoffChart(t: ReportTradeoff, statusQuoUSD: number): SafeHtml {
  const margin = { left: 86, right: 24, top: 20, bottom: 56 };
  const height = 330;
  const plotW = WIDTH - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = t.points.map((p) => p.value);
  const costs = t.points.flatMap((p) => (p.totalUSD !== undefined ? [p.totalUSD] : []));
  const xTicks = niceTicks(Math.min(...values), Math.max(...values), 6);
  const yTicks = niceTicks(Math.min(...costs, statusQuoUSD), Math.max(...costs, statusQuoUSD), 5);
  const [x0, x1] = [xTicks[0]!, xTicks[xTicks.length - 1]!];
  const [y0, y1] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
  const X = (v: number) => margin.left + ((v - x0) / (x1 - x0 || 1)) * plotW;
  const Y = (v: number) => margin.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;

  const grid = yTicks.map(
    (v) => html`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${r(Y(v))}" y2="${r(Y(v))}" stroke="${CHART_COLOURS.grid}"/><text x="${margin.left - 8}" y="${r(Y(v) + 4)}" text-anchor="end" class="chart-tick">${wholeUSD(v)}</text>`,
  );
  const xAxis = xTicks.map(
    (v) => html`<line x1="${r(X(v))}" x2="${r(X(v))}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="${CHART_COLOURS.axis}"/><text x="${r(X(v))}" y="${margin.top + plotH + 19}" text-anchor="middle" class="chart-tick">${formatNumber(v)}</text>`,
  );
  // Runs of consecutive points with a layout are joined; a point without one breaks the line.
  const runs: { x: number; y: number }[][] = [[]];
  for (const p of t.points) {
    if (p.totalUSD === undefined) runs.push([]);
    else runs[runs.length - 1]!.push({ x: X(p.value), y: Y(p.totalUSD) });
  }
  const lines = runs
    .filter((run) => run.length > 1)
    .map((run) => html`<polyline fill="none" stroke="${CHART_COLOURS.line}" stroke-width="2" points="${run.map((q) => `${r(q.x)},${r(q.y)}`).join(' ')}"/>`);
  const marks = t.points.map((p) =>
    p.totalUSD !== undefined
      ? html`<circle cx="${r(X(p.value))}" cy="${r(Y(p.totalUSD))}" r="4" fill="${CHART_COLOURS.line}"><title>${formatNumber(p.value)} ${t.unit}: ${formatUSD(p.totalUSD)} a month</title></circle>`
      : html`<g stroke="${CHART_COLOURS.bad}" stroke-width="2"><line x1="${r(X(p.value) - 5)}" x2="${r(X(p.value) + 5)}" y1="${margin.top + plotH - 11}" y2="${margin.top + plotH - 1}"/><line x1="${r(X(p.value) - 5)}" x2="${r(X(p.value) + 5)}" y1="${margin.top + plotH - 1}" y2="${margin.top + plotH - 11}"/><title>${formatNumber(p.value)} ${t.unit}: no layout (${p.status})</title></g>`,
  );
  const sqY = Y(statusQuoUSD);
  const reference = html`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${r(sqY)}" y2="${r(sqY)}" stroke="${CHART_COLOURS.reference}" stroke-dasharray="5 4"/><text x="${margin.left + plotW - 4}" y="${r(sqY - 6)}" text-anchor="end" class="chart-muted">status quo ${formatUSD(statusQuoUSD)}</text>`;
  const anyMissing = t.points.some((p) => p.totalUSD === undefined);

  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="tradeoff-chart-title" preserveAspectRatio="xMinYMin meet">
<title id="tradeoff-chart-title">Monthly cost of the best layout against: ${t.label} (${t.unit})</title>
${grid}
<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="${CHART_COLOURS.axis}"/>
<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${CHART_COLOURS.axis}"/>
${xAxis}
${reference}
${lines}
${marks}
<text x="${margin.left + plotW / 2}" y="${height - 10}" text-anchor="middle" class="chart-axis-label">${t.shortLabel} (${t.unit})${anyMissing ? ' — × no layout' : ''}</text>
<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" class="chart-axis-label">Monthly cost (USD)</text>
</svg>`;
}

/** One bar per link direction: traffic as a share of its capacity. */
export function linkChart(links: readonly ReportLink[]): SafeHtml {
  const left = 4;
  const track = WIDTH - 250;
  const rowHeight = 42;
  const height = links.length * rowHeight + 6;
  const bars = links.map((link, i) => {
    const y = i * rowHeight;
    const share = Math.max(0, link.utilisation);
    const colour = share > 1 + 1e-9 ? CHART_COLOURS.bad : share > 0.8 ? CHART_COLOURS.warn : CHART_COLOURS.ok;
    const w = link.mbps > 0 ? Math.max(2, Math.min(1, share) * track) : 0;
    return html`<text x="${left}" y="${y + 14}">${link.fromName} → ${link.toName}</text>
<rect x="${left}" y="${y + 20}" width="${track}" height="14" fill="${CHART_COLOURS.track}"/>
${w > 0 ? html`<rect x="${left}" y="${y + 20}" width="${r(w)}" height="14" fill="${colour}"/>` : null}
<text x="${left + track + 8}" y="${y + 31.5}" class="chart-value">${formatMbps(link.mbps)} · ${formatPercent(share)}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="link-chart-title" preserveAspectRatio="xMinYMin meet">
<title id="link-chart-title">Traffic on each link direction as a share of its capacity</title>
${joinHtml(bars, '\n')}
</svg>`;
}

/** One bar per burst period: servers running in the cloud, with the period's cost beyond the owned data centre. */
export function burstChart(b: ReportBursting): SafeHtml {
  const left = 4;
  const labelWidth = 190;
  const track = WIDTH - labelWidth - 150;
  const rowHeight = 24;
  const height = b.periods.length * rowHeight + 6;
  const servers = (p: ReportBursting['periods'][number]) => Object.values(p.burstServersBySite).reduce((n, x) => n + x, 0);
  const most = Math.max(1, ...b.periods.map(servers));
  const bars = b.periods.map((p, i) => {
    const y = i * rowHeight;
    const n = servers(p);
    return html`<text x="${left}" y="${y + 16}">${p.start}</text>
<rect x="${left + labelWidth}" y="${y + 5}" width="${r(Math.max(2, (n / most) * track))}" height="14" fill="${CHART_COLOURS.servers}"/>
<text x="${left + labelWidth + track + 8}" y="${y + 16}" class="chart-value">${formatCount(n)} server${n === 1 ? '' : 's'} · ${formatUSD(p.costUSD)}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="burst-chart-title" preserveAspectRatio="xMinYMin meet">
<title id="burst-chart-title">Servers in the cloud in each period of a burst</title>
${joinHtml(bars, '\n')}
</svg>`;
}
