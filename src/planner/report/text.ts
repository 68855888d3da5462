/**
 * The report's sentences as plain text, shared by the HTML and Markdown
 * renderers. The strings contain user text unescaped: each renderer escapes
 * them (escapeHtml via `html`, escapeMarkdown) before they reach a file.
 */
import { formatCount, formatGB, formatMbps, formatMs, formatMsChange, formatNumber, formatPercent, formatSeconds, formatUSD, listText } from './format';
import type { Report, ReportComponent, ReportCostRow, ReportDelay } from './reportData';

export const STATUS_TEXT: Record<Report['outcome']['status'], string> = {
  optimal: 'optimal',
  feasible: 'feasible, not proven optimal',
  infeasible: 'no feasible layout',
  'no-solution': 'no layout found in time',
};

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Data centre × 2 + AWS × 4". */
export function placementText(c: ReportComponent): string {
  return c.placement.map((p) => `${p.siteName} × ${formatCount(p.servers)}`).join(' + ') || 'nowhere';
}

export function changeText(c: ReportComponent): string {
  return c.change === 'unchanged' ? 'stays' : c.change;
}

/** "Of 5 components: move 1 component, split 2 across sites and keep 2 where they are." */
export function layoutSentence(report: Report): string {
  const s = report.summary;
  if (s.changes.length === 0) return 'Keep every component where it runs today.';
  const kept = s.componentsTotal - s.componentsMoved - s.componentsSplit;
  const actions = [
    s.componentsMoved > 0 ? `move ${s.componentsMoved} component${s.componentsMoved === 1 ? '' : 's'}` : '',
    s.componentsSplit > 0 ? `split ${s.componentsSplit} across sites` : '',
    kept > 0 ? `keep ${kept} where ${kept === 1 ? 'it is' : 'they are'}` : '',
  ].filter(Boolean);
  return `Of ${s.componentsTotal} components: ${listText(actions)}.`;
}

export function costSentence(report: Report): string | undefined {
  const s = report.summary;
  if (s.savingMonthlyUSD === undefined || s.planMonthlyUSD === undefined) return undefined;
  const saving = s.savingMonthlyUSD;
  const fraction = s.savingFraction !== undefined ? ` (${formatPercent(Math.abs(s.savingFraction))})` : '';
  let text = `${formatUSD(s.planMonthlyUSD)} a month against ${formatUSD(s.statusQuoMonthlyUSD)} for the status quo: ${
    saving >= 0 ? `a saving of ${formatUSD(saving)} a month${fraction}` : `${formatUSD(-saving)} a month more${fraction}`
  }.`;
  const m = s.migration;
  if (m && m.oneTimeUSD > 0)
    text += ` Moving components copies ${formatGB(m.gbMoved)} once, costing ${formatUSD(m.oneTimeUSD)}${
      m.months > 0 ? `, spread over ${m.months} months (${formatUSD(m.amortisedMonthlyUSD)} a month, included above)` : ' (not included in the monthly figures)'
    }.`;
  return text;
}

export function responseTimeSentence(report: Report): string | undefined {
  const rt = report.summary.responseTime;
  if (!rt) return undefined;
  if (rt.pairs === 0) return 'The scenario has no transactions with traffic, so response times are not affected.';
  const sentences: string[] = [
    rt.boundsChecked === 0
      ? 'No transaction has a response-time bound.'
      : rt.boundsChecked === 1
        ? `The one response-time bound is ${rt.boundsViolated === 0 ? 'met' : 'broken'}.`
        : rt.boundsViolated === 0
          ? `All ${rt.boundsChecked} response-time bounds are met.`
          : `${rt.boundsViolated} of ${rt.boundsChecked} response-time bounds are broken.`,
  ];
  const l = rt.largestMeanIncrease;
  if (l)
    sentences.push(
      `The largest change of a mean response time is ${formatMsChange(l.increaseMs)} (${l.transactionName}, ${l.regionName}${
        l.boundMs !== undefined ? `; allowed +${formatMs(l.boundMs, true)}` : ''
      }); over all requests the mean changes by ${formatMsChange(rt.rateWeightedMeanIncreaseMs)} on average.`,
    );
  const t = rt.tightestP95;
  if (t) sentences.push(`The p95 closest to its bound: ${t.transactionName}, ${t.regionName}, ${formatMs(t.p95Ms)} of ${formatMs(t.boundMs, true)}.`);
  return sentences.join(' ');
}

/** "saves $495.88 (40.0%)", "costs $12.00 more (1.0%)", "—" for the status quo itself. */
export function againstStatusQuoText(row: ReportCostRow): string {
  return row.kind === 'statusQuo' ? '—' : savingText(row.total, row.total + row.savingVsStatusQuo);
}

/** "saves $495.88 (40.0%)" or "costs $12.00 more (1.0%)" for a monthly total against the status quo's. */
export function savingText(totalUSD: number, statusQuoUSD: number): string {
  const saving = statusQuoUSD - totalUSD;
  const saves = saving >= 0;
  const fraction = statusQuoUSD > 0 ? ` (${formatPercent(Math.abs(saving / statusQuoUSD))})` : '';
  return `${saves ? 'saves' : 'costs'} ${formatUSD(Math.abs(saving))}${saves ? '' : ' more'}${fraction}`;
}

export function evaluatorText(row: ReportCostRow): string {
  return row.feasible ? 'feasible' : `${row.violations.length} violation${row.violations.length === 1 ? '' : 's'}`;
}

export function delayVerdictText(d: ReportDelay): string {
  return d.meanOk && d.p95Ok ? 'ok' : !d.meanOk && !d.p95Ok ? 'mean and p95 over' : !d.meanOk ? 'mean over' : 'p95 over';
}

export function migrationNote(report: Report): string {
  const months = report.assumptions.migrationAmortisationMonths;
  return months > 0
    ? `Migration is the one-time transfer of moved components spread over ${months} months.`
    : 'Migration is the one-time transfer of moved components; it is shown separately and not added to the monthly totals.';
}

export interface AssumptionItem {
  term: string;
  text?: string;
  list?: string[];
  /** For the HTML's data-testid. */
  id?: string;
}

export function provenGapText(gap: number | null, requested: number): string {
  if (gap === null) return 'not proven';
  return `${(gap * 100).toFixed(3)}%${gap === 0 ? ' (optimal)' : gap <= requested + 1e-12 ? ' (within the requested gap)' : ''}`;
}

export function assumptionItems(report: Report): AssumptionItem[] {
  const a = report.assumptions;
  const items: AssumptionItem[] = [
    { term: 'Prices', text: `List prices in ${a.currency} as of ${a.pricesAsOf}.` },
    a.priceSources.length > 0 ? { term: 'Price sources', list: a.priceSources } : { term: 'Price sources', text: 'none given in the scenario' },
    {
      term: 'Month',
      text: `${formatNumber(a.hoursPerMonth)} hours: hourly (cloud) prices are multiplied by it, monthly (on-premise) prices are used as given; monthly traffic is the rate per second over ${formatCount(a.hoursPerMonth * 3600)} seconds.`,
    },
    { term: 'Data', text: `1 GB = 10⁹ bytes; link traffic is the monthly average in Mbps (10⁶ bits per second).` },
    { term: 'Objective', text: capitalise(a.objective) + '.' },
    {
      term: 'Solver',
      text: `${capitalise(STATUS_TEXT[a.solverStatus])}${a.solverMessage ? ` (${a.solverMessage})` : ''}. ${
        a.method === 'decomposition' ? `Decomposed by application into ${a.blocks} blocks` : 'One mixed-integer model (monolithic)'
      }, ${formatCount(a.model.rows)} rows × ${formatCount(a.model.columns)} columns (${formatCount(a.model.integerColumns)} integer), solved in ${formatSeconds(a.solveSeconds)} with a time limit of ${formatSeconds(a.timeLimitSeconds)} and a requested relative gap of ${formatPercent(a.requestedGap, 2)}.`,
    },
    { term: 'Proven gap', text: provenGapText(a.provenGap, a.requestedGap), id: 'report-gap' },
    {
      term: 'p95 cut rounds',
      text: `${a.cutRounds}${a.cutRounds > 0 ? ': the optimiser bounds the mean response time; where the evaluator found a p95 over its bound, the allowed mean was lowered and the model solved again.' : ''}`,
    },
    { term: 'Response times (evaluator method and error)', text: a.p95Method },
    {
      term: 'Routing',
      text: a.routing === 'optimised' ? 'As chosen by the optimiser for each transaction and region.' : 'Proportional: requests go to each replica in proportion to its servers (round robin).',
    },
    {
      term: 'Migration',
      text: a.migrationAmortisationMonths > 0 ? `The one-time transfer is spread over ${a.migrationAmortisationMonths} months and included in the monthly totals.` : 'The one-time transfer is shown separately and not included in the monthly totals.',
    },
  ];
  if (a.maxMeanIncreaseOverrideMs !== undefined) items.push({ term: 'Override', text: `Every transaction's allowed mean increase was set to ${formatNumber(a.maxMeanIncreaseOverrideMs)} ms.` });
  if (a.bandwidthCapMbps !== undefined) items.push({ term: 'Override', text: `Every link direction was capped at ${formatMbps(a.bandwidthCapMbps)}.` });
  if (a.evaluatorNotes.length > 0) items.push({ term: 'Evaluator notes', list: a.evaluatorNotes });
  return items;
}

export const EVALUATOR_NOTE = "Every figure in this report was computed by Tierwise's independent evaluator from the scenario and the layout, not taken from the optimiser's objective.";
