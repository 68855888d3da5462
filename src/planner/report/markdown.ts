/**
 * The report as Markdown (CommonMark with GitHub tables). Every piece of user
 * text goes through `escapeMarkdown`, so a name can neither format the page nor
 * form raw HTML, a link or a table cell boundary.
 */
import { escapeMarkdown as md } from './escape';
import { formatCount, formatGB, formatMbps, formatMs, formatMsChange, formatNumber, formatPercent, formatRate, formatTimestamp, formatUSD } from './format';
import { reportSections, sectionTitle, type ReportSectionId } from './html';
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
import type { Report } from './reportData';

/** A GitHub table; cells are already escaped. `align` marks right-aligned (numeric) columns. */
function table(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (numeric.has(i) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

const cols = (...indices: number[]) => new Set(indices);

export function renderMarkdownReport(report: Report): string {
  const out: string[] = [];
  out.push(`# Tierwise planning report: ${md(report.scenario.name)}`);
  out.push(`Generated ${md(formatTimestamp(report.generatedAt))} · prices as of ${md(report.assumptions.pricesAsOf)} · plan: **${STATUS_TEXT[report.outcome.status]}**`);
  if (report.scenario.description) out.push(md(report.scenario.description));
  const body: Record<ReportSectionId, () => string[]> = {
    summary: () => summary(report),
    layout: () => layout(report),
    costs: () => costs(report),
    tradeoff: () => tradeoff(report),
    delays: () => delays(report),
    links: () => links(report),
    bursting: () => bursting(report),
    assumptions: () => assumptions(report),
  };
  for (const id of reportSections(report)) out.push(`## ${sectionTitle(id)}`, ...body[id]());
  out.push('---', '_Made with Tierwise. Every figure was computed by its independent evaluator from the scenario._');
  return out.join('\n\n') + '\n';
}

function summary(report: Report): string[] {
  const s = report.summary;
  const o = report.outcome;
  const out: string[] = [];
  const saving = s.savingMonthlyUSD;
  out.push(
    table(
      ['', 'Per month'],
      [
        ['Recommended plan', s.planMonthlyUSD !== undefined ? `**${formatUSD(s.planMonthlyUSD)}**` : 'no plan'],
        ['Status quo', formatUSD(s.statusQuoMonthlyUSD)],
        [
          saving !== undefined && saving < 0 ? 'Extra cost' : 'Saving',
          saving !== undefined ? `${formatUSD(Math.abs(saving))}${s.savingFraction !== undefined ? ` (${formatPercent(Math.abs(s.savingFraction))})` : ''}` : '—',
        ],
      ],
      cols(1),
    ),
  );
  if (!o.hasPlan) {
    out.push(`**No layout is recommended.** ${md(o.message ? capitalise(o.message) : STATUS_TEXT[o.status])}`);
    if (o.relaxations.length > 0) out.push('A layout would exist if you:', o.relaxations.map((m) => `- ${md(m)}`).join('\n'));
    if (o.violations.length > 0) out.push("The evaluator rejected the solver's layout:", o.violations.map((m) => `- ${md(m)}`).join('\n'));
  } else {
    if (o.status === 'feasible' && o.message) out.push(`> ${md(capitalise(o.message))}.`);
    out.push(`**Recommended layout.** ${md(layoutSentence(report))}`);
    if (s.changes.length > 0)
      out.push(s.changes.map((c) => `- ${changeText(c)}: **${md(c.componentName)}** (${md(c.applicationName)}): ${md(c.homeSiteName)} → ${md(placementText(c))}`).join('\n'));
    const cost = costSentence(report);
    if (cost) out.push(`**Monthly cost.** ${md(cost)}`);
    const rt = responseTimeSentence(report);
    if (rt) out.push(`**Response time.** ${md(rt)}`);
  }
  const sq = report.assumptions.statusQuoViolations;
  if (sq.length > 0) out.push(`**Today's layout breaks ${sq.length === 1 ? 'a rule' : `${sq.length} rules`}:**`, sq.map((m) => `- ${md(m)}`).join('\n'));
  return out;
}

function layout(report: Report): string[] {
  const out: string[] = [];
  const hasPlan = report.outcome.hasPlan;
  if (!hasPlan) out.push('_No layout is recommended; the tables show where every component runs today._');
  for (const app of report.applications) {
    out.push(`### ${md(app.name)}`);
    if (app.description) out.push(`_${md(app.description)}_`);
    out.push(
      table(
        ['Component', 'Id', 'Servers', 'Today', hasPlan ? 'Recommended' : 'Today', 'Change'],
        app.components.map((c) => [md(c.componentName), md(c.componentId), formatCount(c.servers), md(c.homeSiteName), md(placementText(c)), changeText(c)]),
        cols(2),
      ),
    );
  }
  out.push('### Servers per site');
  out.push(
    table(
      ['Site', 'Kind', 'Capacity', 'Today', ...(hasPlan ? ['Recommended'] : [])],
      report.costs.sites.map((site) => [
        md(site.name),
        site.kind === 'cloud' ? 'cloud' : 'on-premise',
        `${site.capacityServers !== undefined ? `${formatCount(site.capacityServers)} servers` : 'unlimited'}${site.capacityVcpus !== undefined ? `, ${formatCount(site.capacityVcpus)} vCPUs` : ''}`,
        formatCount(site.statusQuo.servers),
        ...(site.plan ? [formatCount(site.plan.servers)] : []),
      ]),
      cols(2, 3, 4),
    ),
  );
  return out;
}

function costs(report: Report): string[] {
  const out: string[] = [];
  const rows = report.costs.rows;
  out.push(
    table(
      ['Layout', 'Servers', 'Storage', 'Data transfer', 'Migration', 'Total', 'Against the status quo', 'Evaluator'],
      rows.map((row) => [
        `${row.kind === 'plan' ? `**${md(row.name)}**` : md(row.name)}${row.cheapestFeasibleLiftAndShift ? ' (cheapest feasible lift-and-shift)' : ''}`,
        formatUSD(row.servers),
        formatUSD(row.storage),
        formatUSD(row.transferTotal),
        formatUSD(row.migrationAmortisedMonthly),
        row.kind === 'plan' ? `**${formatUSD(row.total)}**` : formatUSD(row.total),
        againstStatusQuoText(row),
        evaluatorText(row),
      ]),
      cols(1, 2, 3, 4, 5, 6),
    ),
  );
  out.push(`_${md(migrationNote(report))}_`);
  out.push('### Data transfer in detail');
  out.push(
    table(
      ['Layout', 'Users ↔ sites', 'Between components', 'Replication', 'Total'],
      rows
        .filter((row) => row.kind === 'plan' || row.kind === 'statusQuo')
        .map((row) => [md(row.name), formatUSD(row.transferUsers), formatUSD(row.transferComponents), formatUSD(row.transferReplication), formatUSD(row.transferTotal)]),
      cols(1, 2, 3, 4),
    ),
  );
  const hasPlan = report.outcome.hasPlan;
  out.push('### Cost per site');
  out.push(
    table(
      ['Site', 'Servers today', 'Cost today', ...(hasPlan ? ['Servers', 'Server cost', 'Storage', 'Transfer', 'Cost'] : [])],
      report.costs.sites.map((site) => [
        md(site.name),
        formatCount(site.statusQuo.servers),
        formatUSD(site.statusQuo.total),
        ...(site.plan ? [formatCount(site.plan.servers), formatUSD(site.plan.serversCost), formatUSD(site.plan.storageCost), formatUSD(site.plan.transferCost), formatUSD(site.plan.total)] : []),
      ]),
      cols(1, 2, 3, 4, 5, 6, 7),
    ),
  );
  if (report.costs.moves.length > 0) {
    out.push('### One-time migration');
    out.push(
      table(
        ['Component', 'From', 'To', 'Data copied', 'Transfer cost'],
        report.costs.moves.map((m) => [md(m.componentName), md(m.fromSiteName), md(m.toSiteName), formatGB(m.gb), formatUSD(m.usd)]),
        cols(3, 4),
      ),
    );
  }
  const failing = rows.filter((row) => !row.feasible);
  if (failing.length > 0) {
    out.push('### Why some baselines fail');
    for (const row of failing)
      out.push(
        `**${md(row.name)}**`,
        [...row.violations.slice(0, 8).map((m) => `- ${md(m)}`), ...(row.violations.length > 8 ? [`- … and ${row.violations.length - 8} more`] : [])].join('\n'),
      );
  }
  return out;
}

function tradeoff(report: Report): string[] {
  const t = report.tradeoff;
  if (!t) return [];
  const sq = report.summary.statusQuoMonthlyUSD;
  return [
    `Each point is a full plan, re-checked by the evaluator, with every input as in this report except: ${md(t.label.charAt(0).toLowerCase() + t.label.slice(1))}.`,
    table(
      [`${md(t.shortLabel)} (${t.unit})`, 'Result', 'Monthly cost', 'Against the status quo', 'Largest mean increase'],
      t.points.map((p) => [
        formatNumber(p.value),
        STATUS_TEXT[p.status],
        p.totalUSD !== undefined ? formatUSD(p.totalUSD) : '—',
        p.totalUSD !== undefined ? savingText(p.totalUSD, sq) : '—',
        p.meanIncreaseMsMax !== undefined ? formatMsChange(p.meanIncreaseMsMax) : '—',
      ]),
      cols(0, 2, 3, 4),
    ),
  ];
}

function delays(report: Report): string[] {
  const rows = report.delays.rows;
  if (rows.length === 0) return ['The scenario has no transactions with traffic.'];
  const who = report.delays.of === 'plan' ? 'recommended' : 'today';
  return [
    ...(report.delays.of === 'statusQuo' ? ["_No layout is recommended; these are today's response times._"] : []),
    table(
      ['Application', 'Transaction', 'Users', 'Rate', 'Mean today', `Mean ${who}`, 'Increase', 'Allowed', 'p95 today', `p95 ${who}`, 'p95 bound', 'SLO'],
      rows.map((d) => [
        md(d.applicationName),
        md(d.transactionName),
        md(d.regionName),
        formatRate(d.ratePerSecond),
        formatMs(d.statusQuoMeanMs),
        formatMs(d.meanMs),
        formatMsChange(d.meanIncreaseMs),
        d.maxMeanIncreaseMs !== undefined ? `+${formatMs(d.maxMeanIncreaseMs, true)}` : '—',
        formatMs(d.statusQuoP95Ms),
        formatMs(d.p95Ms),
        d.maxP95Ms !== undefined ? formatMs(d.maxP95Ms, true) : '—',
        d.meanOk && d.p95Ok ? 'ok' : `**${delayVerdictText(d)}**`,
      ]),
      cols(3, 4, 5, 6, 7, 8, 9, 10),
    ),
  ];
}

function links(report: Report): string[] {
  const rows = report.links.rows;
  if (rows.length === 0) return ['The scenario has no links between sites.'];
  return [
    ...(report.links.of === 'statusQuo' ? ["_No layout is recommended; this is today's traffic._"] : []),
    table(
      ['From', 'To', 'Between components', 'Replication', 'Total', 'Capacity', 'Utilisation'],
      rows.map((l) => [md(l.fromName), md(l.toName), formatMbps(l.componentMbps), formatMbps(l.replicationMbps), formatMbps(l.mbps), formatMbps(l.capacityMbps), formatPercent(l.utilisation)]),
      cols(2, 3, 4, 5, 6),
    ),
  ];
}

function bursting(report: Report): string[] {
  const b = report.bursting;
  if (!b) return [];
  const siteName = new Map(report.sites.map((s) => [s.id, s.name]));
  const siteIds = report.sites.map((s) => s.id).filter((id) => b.periods.some((p) => (p.burstServersBySite[id] ?? 0) > 0));
  return [
    `Periods of ${formatCount(b.periodMinutes)} minutes with servers running away from their home site; total cost of bursting ${formatUSD(b.totalCostUSD)}.`,
    table(
      ['Period', ...siteIds.map((id) => md(siteName.get(id) ?? id)), 'Cost'],
      b.periods.map((p) => [md(p.start), ...siteIds.map((id) => formatCount(p.burstServersBySite[id] ?? 0)), formatUSD(p.costUSD)]),
      new Set(siteIds.map((_, i) => i + 1).concat(siteIds.length + 1)),
    ),
    ...(b.notes.length > 0 ? [b.notes.map((n) => `- ${md(n)}`).join('\n')] : []),
  ];
}

function assumptions(report: Report): string[] {
  const lines = assumptionItems(report).map((item) => {
    const head = `- **${md(item.term)}:**`;
    if (item.list) return [head, ...item.list.map((x) => `  - ${md(x)}`)].join('\n');
    return `${head} ${md(item.text ?? '')}`;
  });
  return [md(EVALUATOR_NOTE), lines.join('\n')];
}
