/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts, a
 * print stylesheet (the browser's Print gives a clean PDF), no script and no
 * external reference of any kind, under a Content-Security-Policy that forbids
 * everything but inline styles and data: images. All user text is escaped by the
 * `html` template (escape.ts).
 */
import { SafeHtml, html, joinHtml, type HtmlPart } from './escape';
import { burstChart, costChart, linkChart, tradeoffChart } from './charts';
import { formatCount, formatGB, formatMbps, formatMs, formatMsChange, formatNumber, formatPercent, formatRate, formatTimestamp, formatUSD } from './format';
import {
  EVALUATOR_NOTE,
  STATUS_TEXT,
  againstStatusQuoText,
  assumptionItems,
  capitalise,
  changeText,
  costSentence,
  delayVerdictText,
  evaluatorText,
  layoutSentence,
  migrationNote,
  placementText,
  responseTimeSentence,
  savingText,
} from './text';
import type { Report, ReportComponent, ReportCostRow, ReportDelay } from './reportData';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The report sections in order; `tradeoff` and `bursting` appear only when the report has them. */
export const REPORT_SECTIONS = ['summary', 'layout', 'costs', 'tradeoff', 'delays', 'links', 'bursting', 'assumptions'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

const SECTION_TITLES: Record<ReportSectionId, string> = {
  summary: 'Executive summary',
  layout: 'Layout per application',
  costs: 'Cost against the baselines',
  tradeoff: 'Trade-off curve',
  delays: 'Response times against the SLOs',
  links: 'Link utilisation',
  bursting: 'Bursting timeline',
  assumptions: 'Assumptions',
};

/** Sections a report has, in order. */
export function reportSections(report: Report): ReportSectionId[] {
  return REPORT_SECTIONS.filter((id) => (id === 'tradeoff' ? report.tradeoff !== undefined : id === 'bursting' ? report.bursting !== undefined : true));
}

export function sectionTitle(id: ReportSectionId): string {
  return SECTION_TITLES[id];
}

export function renderHtmlReport(report: Report): string {
  const sections = reportSections(report);
  const body: Record<ReportSectionId, () => SafeHtml> = {
    summary: () => summarySection(report),
    layout: () => layoutSection(report),
    costs: () => costsSection(report),
    tradeoff: () => tradeoffSection(report),
    delays: () => delaysSection(report),
    links: () => linksSection(report),
    bursting: () => burstingSection(report),
    assumptions: () => assumptionsSection(report),
  };
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Tierwise">
<title>Tierwise report: ${report.scenario.name}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<main class="report">
<header class="report-header">
<p class="eyebrow">Tierwise planning report</p>
<h1>${report.scenario.name}</h1>
<p class="meta">Generated <time datetime="${report.generatedAt}">${formatTimestamp(report.generatedAt)}</time> · prices as of ${report.assumptions.pricesAsOf} · plan <span class="badge badge-${report.outcome.status}" data-testid="report-status">${STATUS_TEXT[report.outcome.status]}</span></p>
${report.scenario.description ? html`<p class="description">${report.scenario.description}</p>` : null}
<nav class="toc" aria-label="Sections"><ol>${sections.map((id) => html`<li><a href="#${id}">${SECTION_TITLES[id]}</a></li>`)}</ol></nav>
</header>
${sections.map((id) => html`<section id="${id}" class="card" data-section="${id}">
<h2>${SECTION_TITLES[id]}</h2>
${body[id]()}
</section>
`)}
<footer class="report-footer">Made with Tierwise. Every figure was computed by its independent evaluator from the scenario; this file is self-contained and loads nothing.</footer>
</main>
</body>
</html>
`;
  return page.value;
}

// --- Sections ---------------------------------------------------------------------------------

function keyFigure(testId: string, label: string, value: number | undefined, text: string, note: HtmlPart = null, tone = ''): SafeHtml {
  return html`<div class="figure ${tone}"><div class="figure-label">${label}</div><div class="figure-value" data-testid="${testId}"${value !== undefined ? html` data-value="${String(value)}"` : null}>${text}</div>${note ? html`<div class="figure-note">${note}</div>` : null}</div>`;
}

function changeBadge(c: ReportComponent): SafeHtml {
  return html`<span class="chip chip-${c.change}">${changeText(c)}</span>`;
}

function summarySection(report: Report): SafeHtml {
  const s = report.summary;
  const o = report.outcome;
  const parts: HtmlPart[] = [];
  const saving = s.savingMonthlyUSD;
  parts.push(html`<div class="figures">
${keyFigure('report-plan-total', 'Recommended plan, per month', s.planMonthlyUSD, s.planMonthlyUSD !== undefined ? formatUSD(s.planMonthlyUSD) : 'no plan')}
${keyFigure('report-status-quo-total', 'Status quo, per month', s.statusQuoMonthlyUSD, formatUSD(s.statusQuoMonthlyUSD))}
${keyFigure(
  'report-saving',
  saving !== undefined && saving < 0 ? 'Extra cost, per month' : 'Saving, per month',
  saving,
  saving !== undefined ? formatUSD(Math.abs(saving)) : '—',
  s.savingFraction !== undefined ? html`<span data-testid="report-saving-fraction" data-value="${String(s.savingFraction)}">${formatPercent(Math.abs(s.savingFraction))} of the status quo</span>` : null,
  saving === undefined ? '' : saving >= 0 ? 'figure-good' : 'figure-bad',
)}
</div>`);

  if (!o.hasPlan) {
    parts.push(html`<p class="callout callout-bad"><strong>No layout is recommended.</strong> ${o.message ? capitalise(o.message) : STATUS_TEXT[o.status]}</p>`);
    if (o.relaxations.length > 0) parts.push(html`<p>A layout would exist if you:</p><ul>${o.relaxations.map((m) => html`<li>${m}</li>`)}</ul>`);
    if (o.violations.length > 0) parts.push(html`<p>The evaluator rejected the solver's layout:</p><ul>${o.violations.map((m) => html`<li>${m}</li>`)}</ul>`);
  } else {
    if (o.status === 'feasible' && o.message) parts.push(html`<p class="callout callout-warn">${capitalise(o.message)}.</p>`);
    parts.push(html`<h3>Recommended layout</h3><p data-testid="report-layout-summary">${layoutSentence(report)}</p>`);
    if (s.changes.length > 0)
      parts.push(
        html`<ul class="changes">${s.changes.map(
          (c) => html`<li>${changeBadge(c)} <strong>${c.componentName}</strong> <span class="muted">(${c.applicationName})</span>: ${c.homeSiteName} → ${placementText(c)}</li>`,
        )}</ul>`,
      );
    const cost = costSentence(report);
    if (cost) parts.push(html`<h3>Monthly cost</h3><p>${cost}</p>`);
    const rt = responseTimeSentence(report);
    if (rt) parts.push(html`<h3>Response time</h3><p data-testid="report-response-time">${rt}</p>`);
  }
  if (report.assumptions.statusQuoViolations.length > 0)
    parts.push(
      html`<p class="callout callout-warn"><strong>Today's layout breaks ${report.assumptions.statusQuoViolations.length === 1 ? 'a rule' : `${report.assumptions.statusQuoViolations.length} rules`}:</strong></p><ul>${report.assumptions.statusQuoViolations.map((m) => html`<li>${m}</li>`)}</ul>`,
    );
  return joinHtml(parts, '\n');
}

function layoutSection(report: Report): SafeHtml {
  const parts: HtmlPart[] = [];
  if (!report.outcome.hasPlan) parts.push(html`<p class="callout callout-bad">No layout is recommended; the tables show where every component runs today.</p>`);
  for (const app of report.applications) {
    parts.push(html`<h3>${app.name}</h3>${app.description ? html`<p class="muted small">${app.description}</p>` : null}
<table>
<thead><tr><th>Component</th><th class="num">Servers</th><th>Today</th><th>${report.outcome.hasPlan ? 'Recommended' : 'Today'}</th><th>Change</th></tr></thead>
<tbody>${app.components.map(
      (c) => html`<tr><td>${c.componentName}<div class="muted small">${c.componentId} · ${c.serverClass}</div></td><td class="num">${formatCount(c.servers)}</td><td>${c.homeSiteName}</td><td>${placementText(c)}</td><td>${changeBadge(c)}</td></tr>`,
    )}</tbody>
</table>`);
  }
  parts.push(html`<h3>Servers per site</h3>
<table>
<thead><tr><th>Site</th><th>Kind</th><th class="num">Capacity</th><th class="num">Today</th>${report.outcome.hasPlan ? html`<th class="num">Recommended</th>` : null}</tr></thead>
<tbody>${report.costs.sites.map(
    (site) => html`<tr><td>${site.name}</td><td>${site.kind === 'cloud' ? 'cloud' : 'on-premise'}</td><td class="num">${site.capacityServers !== undefined ? `${formatCount(site.capacityServers)} servers` : 'unlimited'}${site.capacityVcpus !== undefined ? `, ${formatCount(site.capacityVcpus)} vCPUs` : ''}</td><td class="num" data-testid="report-site-servers-today" data-site="${site.id}" data-value="${String(site.statusQuo.servers)}">${formatCount(site.statusQuo.servers)}</td>${site.plan ? html`<td class="num" data-testid="report-site-servers" data-site="${site.id}" data-value="${String(site.plan.servers)}">${formatCount(site.plan.servers)}</td>` : null}</tr>`,
  )}</tbody>
</table>`);
  return joinHtml(parts, '\n');
}

function costCell(row: ReportCostRow): SafeHtml {
  return html`<td class="num wrap ${row.kind === 'statusQuo' ? 'muted' : row.savingVsStatusQuo >= 0 ? 'good' : 'bad'}">${againstStatusQuoText(row)}</td>`;
}

function costsSection(report: Report): SafeHtml {
  const rows = report.costs.rows;
  const parts: HtmlPart[] = [];
  parts.push(html`<figure>${costChart(rows)}<figcaption>Monthly cost as the evaluator prices each layout. The dashed line marks the status quo.</figcaption></figure>`);
  parts.push(html`<table class="costs">
<thead><tr><th>Layout</th><th class="num">Servers</th><th class="num">Storage</th><th class="num">Data transfer</th><th class="num">Migration</th><th class="num">Total</th><th class="num">Against the status quo</th><th>Evaluator</th></tr></thead>
<tbody>${rows.map(
    (row) => html`<tr class="${row.kind === 'plan' ? 'row-plan' : ''}"><td>${row.name}${row.cheapestFeasibleLiftAndShift ? html`<div class="muted small">cheapest feasible lift-and-shift</div>` : null}</td><td class="num">${formatUSD(row.servers)}</td><td class="num">${formatUSD(row.storage)}</td><td class="num">${formatUSD(row.transferTotal)}</td><td class="num">${formatUSD(row.migrationAmortisedMonthly)}</td><td class="num strong" data-testid="report-cost-${row.id}" data-value="${String(row.total)}">${formatUSD(row.total)}</td>${costCell(row)}<td>${row.feasible ? html`<span class="chip chip-ok">feasible</span>` : html`<span class="chip chip-bad">${evaluatorText(row)}</span>`}</td></tr>`,
  )}</tbody>
</table>
<p class="muted small">${migrationNote(report)}</p>`);

  const transferRows = rows.filter((row) => row.kind === 'plan' || row.kind === 'statusQuo');
  parts.push(html`<h3>Data transfer in detail</h3>
<table>
<thead><tr><th>Layout</th><th class="num">Users ↔ sites</th><th class="num">Between components</th><th class="num">Replication</th><th class="num">Total</th></tr></thead>
<tbody>${transferRows.map((row) => html`<tr><td>${row.name}</td><td class="num">${formatUSD(row.transferUsers)}</td><td class="num">${formatUSD(row.transferComponents)}</td><td class="num">${formatUSD(row.transferReplication)}</td><td class="num">${formatUSD(row.transferTotal)}</td></tr>`)}</tbody>
</table>`);

  const hasPlan = report.outcome.hasPlan;
  parts.push(html`<h3>Cost per site</h3>
<table>
<thead><tr><th>Site</th><th class="num">Servers today</th><th class="num">Cost today</th>${hasPlan ? html`<th class="num">Servers</th><th class="num">Server cost</th><th class="num">Storage</th><th class="num">Transfer</th><th class="num">Cost</th>` : null}</tr></thead>
<tbody>${report.costs.sites.map(
    (site) => html`<tr><td>${site.name}</td><td class="num">${formatCount(site.statusQuo.servers)}</td><td class="num">${formatUSD(site.statusQuo.total)}</td>${
      site.plan
        ? html`<td class="num">${formatCount(site.plan.servers)}</td><td class="num">${formatUSD(site.plan.serversCost)}</td><td class="num">${formatUSD(site.plan.storageCost)}</td><td class="num">${formatUSD(site.plan.transferCost)}</td><td class="num strong">${formatUSD(site.plan.total)}</td>`
        : null
    }</tr>`,
  )}</tbody>
</table>`);

  if (report.costs.moves.length > 0)
    parts.push(html`<h3>One-time migration</h3>
<table>
<thead><tr><th>Component</th><th>From</th><th>To</th><th class="num">Data copied</th><th class="num">Transfer cost</th></tr></thead>
<tbody>${report.costs.moves.map((m) => html`<tr><td>${m.componentName}</td><td>${m.fromSiteName}</td><td>${m.toSiteName}</td><td class="num">${formatGB(m.gb)}</td><td class="num">${formatUSD(m.usd)}</td></tr>`)}</tbody>
</table>`);

  const failing = rows.filter((row) => !row.feasible);
  if (failing.length > 0)
    parts.push(html`<h3>Why some baselines fail</h3>${failing.map(
      (row) => html`<p class="strong small">${row.name}</p><ul class="small">${row.violations.slice(0, 8).map((m) => html`<li>${m}</li>`)}${row.violations.length > 8 ? html`<li>… and ${row.violations.length - 8} more</li>` : null}</ul>`,
    )}`);
  return joinHtml(parts, '\n');
}

function tradeoffSection(report: Report): SafeHtml {
  const t = report.tradeoff;
  if (!t) return html``;
  const sq = report.summary.statusQuoMonthlyUSD;
  return html`<p>Each point is a full plan, re-checked by the evaluator, with every input as in this report except: ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)}.</p>
<figure>${tradeoffChart(t, sq)}<figcaption>The dashed line is the status quo.</figcaption></figure>
<table>
<thead><tr><th class="num">${t.shortLabel} (${t.unit})</th><th>Result</th><th class="num">Monthly cost</th><th class="num">Against the status quo</th><th class="num">Largest mean increase</th></tr></thead>
<tbody>${t.points.map(
    (p) => html`<tr class="${p.totalUSD === undefined ? 'row-bad' : ''}" data-testid="report-tradeoff-point" data-value="${String(p.value)}" data-cost="${p.totalUSD !== undefined ? String(p.totalUSD) : ''}"><td class="num">${formatNumber(p.value)}</td><td class="nowrap">${STATUS_TEXT[p.status]}</td><td class="num">${p.totalUSD !== undefined ? formatUSD(p.totalUSD) : '—'}</td><td class="num">${p.totalUSD !== undefined ? savingText(p.totalUSD, sq) : '—'}</td><td class="num">${p.meanIncreaseMsMax !== undefined ? formatMsChange(p.meanIncreaseMsMax) : '—'}</td></tr>`,
  )}</tbody>
</table>`;
}

function verdict(d: ReportDelay): SafeHtml {
  return d.meanOk && d.p95Ok ? html`<span class="chip chip-ok">ok</span>` : html`<span class="chip chip-bad">${delayVerdictText(d)}</span>`;
}

function delaysSection(report: Report): SafeHtml {
  const rows = report.delays.rows;
  if (rows.length === 0) return html`<p>The scenario has no transactions with traffic.</p>`;
  return html`${report.delays.of === 'statusQuo' ? html`<p class="callout callout-bad">No layout is recommended; these are today's response times.</p>` : null}
<p>Response time per transaction and user region ${report.delays.of === 'plan' ? 'in the recommended layout, with today’s below in grey' : 'today'}: the increase of the mean against its allowed increase, and the 95th percentile against its bound.</p>
<table class="delays">
<thead><tr><th class="col-text">Transaction</th><th class="col-text">Users</th><th class="num">Rate</th><th class="num">Mean<div class="small">today</div></th><th class="num">Increase<div class="small">allowed</div></th><th class="num">p95<div class="small">today</div></th><th class="num">p95 bound</th><th>SLO</th></tr></thead>
<tbody>${rows.map(
    (d) => html`<tr class="${d.meanOk && d.p95Ok ? '' : 'row-bad'}" data-testid="report-delay" data-transaction="${d.transactionId}" data-region="${d.regionId}" data-mean="${String(d.meanMs)}" data-p95="${String(d.p95Ms)}" data-mean-increase="${String(d.meanIncreaseMs)}"><td>${d.transactionName}<div class="muted small">${d.applicationName}</div></td><td>${d.regionName}</td><td class="num">${formatRate(d.ratePerSecond)}</td><td class="num">${formatMs(d.meanMs)}<div class="muted small">${formatMs(d.statusQuoMeanMs)}</div></td><td class="num ${d.meanOk ? '' : 'bad'}">${formatMsChange(d.meanIncreaseMs)}<div class="muted small">${d.maxMeanIncreaseMs !== undefined ? `≤ +${formatMs(d.maxMeanIncreaseMs, true)}` : 'no bound'}</div></td><td class="num ${d.p95Ok ? '' : 'bad'}">${formatMs(d.p95Ms)}<div class="muted small">${formatMs(d.statusQuoP95Ms)}</div>${d.p95Interval ? html`<div class="muted small">95% CI ${formatMs(d.p95Interval.low)}–${formatMs(d.p95Interval.high)}</div>` : null}</td><td class="num">${d.maxP95Ms !== undefined ? formatMs(d.maxP95Ms, true) : '—'}</td><td>${verdict(d)}</td></tr>`,
  )}</tbody>
</table>`;
}

function linksSection(report: Report): SafeHtml {
  const links = report.links.rows;
  if (links.length === 0) return html`<p>The scenario has no links between sites.</p>`;
  return html`${report.links.of === 'statusQuo' ? html`<p class="callout callout-bad">No layout is recommended; this is today's traffic.</p>` : null}
<figure>${linkChart(links)}<figcaption>Average traffic in each direction of each link, as a share of its bandwidth (green up to 80%, amber above, red over capacity).</figcaption></figure>
<table>
<thead><tr><th>From</th><th>To</th><th class="num">Between components</th><th class="num">Replication</th><th class="num">Total</th><th class="num">Capacity</th><th class="num">Utilisation</th></tr></thead>
<tbody>${links.map(
    (l) => html`<tr class="${l.utilisation > 1 + 1e-9 ? 'row-bad' : ''}"><td>${l.fromName}</td><td>${l.toName}</td><td class="num">${formatMbps(l.componentMbps)}</td><td class="num">${formatMbps(l.replicationMbps)}</td><td class="num">${formatMbps(l.mbps)}</td><td class="num">${formatMbps(l.capacityMbps)}</td><td class="num">${formatPercent(l.utilisation)}</td></tr>`,
  )}</tbody>
</table>`;
}

function burstingSection(report: Report): SafeHtml {
  const b = report.bursting;
  if (!b) return html``;
  const siteName = new Map(report.sites.map((s) => [s.id, s.name]));
  const siteIds = report.sites.map((s) => s.id).filter((id) => b.periods.some((p) => (p.burstServersBySite[id] ?? 0) > 0));
  return html`<p>Periods of ${formatCount(b.periodMinutes)} minutes with servers running away from their home site; total cost of bursting ${formatUSD(b.totalCostUSD)}.</p>
${b.periods.length > 0 ? burstChart(b) : null}
<table>
<thead><tr><th>Period</th>${siteIds.map((id) => html`<th class="num">${siteName.get(id) ?? id}</th>`)}<th class="num">Cost</th></tr></thead>
<tbody>${b.periods.map((p) => html`<tr><td>${p.start}</td>${siteIds.map((id) => html`<td class="num">${formatCount(p.burstServersBySite[id] ?? 0)}</td>`)}<td class="num">${formatUSD(p.costUSD)}</td></tr>`)}</tbody>
</table>
${b.notes.length > 0 ? html`<ul class="small">${b.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}`;
}

function assumptionsSection(report: Report): SafeHtml {
  return html`<p>${EVALUATOR_NOTE}</p>
<dl class="assumptions">
${assumptionItems(report).map(
  (item) =>
    html`<dt>${item.term}</dt><dd${item.id ? html` data-testid="${item.id}"` : null}>${item.text ?? null}${item.list ? html`<ul>${item.list.map((x) => html`<li>${x}</li>`)}</ul>` : null}</dd>
`,
)}</dl>`;
}


const STYLES = `
@page { size: A4; margin: 14mm 12mm; }
:root { --text: #1b1f24; --muted: #5b6470; --line: #d9dde3; --bg: #f3f4f6; --card: #fff; --accent: #2f6db3; --good: #2f8f4e; --bad: #c0392b; --warn: #9a6700; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.report { max-width: 1000px; margin: 0 auto; padding: 24px 20px 40px; }
.report-header { margin-bottom: 16px; }
.eyebrow { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 12px; }
h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; overflow-wrap: break-word; }
h2 { margin: 0 0 12px; font-size: 20px; }
h3 { margin: 20px 0 8px; font-size: 16px; }
.meta { margin: 0 0 8px; color: var(--muted); }
.description { margin: 8px 0; max-width: 75ch; color: var(--muted); overflow-wrap: break-word; }
.toc ol { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; margin: 12px 0 0; padding: 0; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.card { background: var(--card); border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 20px 24px; margin: 16px 0; overflow-x: auto; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-bottom: 8px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.figure-label { color: var(--muted); font-size: 13px; }
.figure-value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure-note { color: var(--muted); font-size: 13px; }
.figure-good .figure-value { color: var(--good); }
.figure-bad .figure-value { color: var(--bad); }
.callout { border-left: 4px solid var(--line); padding: 8px 12px; background: #f7f8fa; }
.callout-bad { border-color: var(--bad); background: #fdf1ef; }
.callout-warn { border-color: #d08a00; background: #fff8e6; }
.changes { padding-left: 20px; }
.changes li { margin: 3px 0; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; white-space: nowrap; }
table.delays td, table.delays th { padding: 4px 6px; font-size: 13px; }
table.delays .col-text { min-width: 8em; }
.row-plan td { background: #eef4fb; }
.row-bad td { background: #fdf1ef; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.strong { font-weight: 600; }
.nowrap { white-space: nowrap; }
table.costs td:first-child { min-width: 10em; }
td.num.wrap { white-space: normal; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.chip { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.chip-ok { color: var(--good); border-color: var(--good); }
.chip-bad { color: var(--bad); border-color: var(--bad); }
.chip-muted, .chip-unchanged { color: var(--muted); border-color: var(--line); }
.chip-moved { color: #fff; background: var(--accent); }
.chip-split { color: #fff; background: #8c64b8; }
.badge { display: inline-block; padding: 0 8px; border-radius: 9px; font-weight: 600; color: #fff; background: var(--muted); }
.badge-optimal { background: var(--good); }
.badge-feasible { background: #9a6700; }
.badge-infeasible, .badge-no-solution { background: var(--bad); }
figure { margin: 8px 0 16px; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1b1f24; }
svg.chart .chart-strong { font-weight: 700; }
svg.chart .chart-value { font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
svg.chart .chart-bad { fill: #c0392b; }
svg.chart .chart-muted, svg.chart .chart-tick { fill: #5b6470; font-size: 12px; }
svg.chart .chart-axis-label { fill: #5b6470; }
dl.assumptions { display: grid; grid-template-columns: 11em 1fr; gap: 6px 16px; margin: 0; }
dl.assumptions dt { font-weight: 600; }
dl.assumptions dd { margin: 0; overflow-wrap: break-word; }
dl.assumptions ul { margin: 0; padding-left: 18px; }
.report-footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media (max-width: 700px) { .figures { grid-template-columns: 1fr; } dl.assumptions { grid-template-columns: 1fr; } }
@media (max-width: 860px) {
  .report { padding: 12px 8px 32px; }
  .card { padding: 16px 12px; }
  th, td { padding: 4px 5px; }
  table { font-size: 13px; }
  td.num, th.num { white-space: normal; }
  table.costs td:first-child { min-width: 7em; }
}
@media print {
  html, body { background: #fff; color: #000; }
  body { font-size: 10pt; }
  .report { max-width: none; padding: 0; }
  .toc { display: none; }
  .card { box-shadow: none; border: none; border-radius: 0; padding: 0; margin: 0; background: #fff; overflow: visible; }
  section.card { break-before: page; page-break-before: always; }
  section#summary { break-before: auto; page-break-before: auto; margin-top: 12px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .muted, .figure-label, .figure-note, figcaption, th, .meta, .description, .report-footer { color: #333; }
  .row-plan td, .row-bad td, .callout { background: none; }
  .figure { border-color: #999; }
  th, td { border-color: #bbb; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
  table.delays td, table.delays th { font-size: 8.5pt; padding: 3px 4px; }
  th, td { padding: 3px 5px; }
  td.num, th.num { white-space: normal; }
  table.costs td:first-child { min-width: 7em; }
  .small, .figure-label, .figure-note { font-size: 7.5pt; }
  .good, .figure-good .figure-value { color: #1d5e33; }
  .bad, .figure-bad .figure-value, svg.chart .chart-bad { color: #8e2318; fill: #8e2318; }
  .figure-value { font-size: 20pt; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; }
  h3 { font-size: 12pt; }
  tr, figure, .figures, .callout { break-inside: avoid; page-break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  svg.chart, .chip, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
