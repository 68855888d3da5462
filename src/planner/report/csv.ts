/**
 * CSV exports of the layout, the costs and the delays (RFC 4180: comma
 * separated, CRLF line ends, fields with a comma, quote or line break quoted
 * and their quotes doubled; the first line is the header).
 *
 * Formula injection: a spreadsheet runs a text cell starting with `=`, `+`,
 * `-` or `@` (and, in some, tab or carriage return) as a formula, so such text
 * cells get a leading `'`. Numbers are written as plain numbers, negative ones
 * included: the guard applies to text only.
 */
import type { Report } from './reportData';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as numbers (non-finite as empty), text guarded against formulas and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Rounds to cents (USD) or to the given decimals, dropping float noise such as 742.2600000000001. */
const round = (x: number, decimals: number) => (Number.isFinite(x) ? +x.toFixed(decimals) : x);
const usd = (x: number) => round(x, 2);
const ms = (x: number) => round(x, 3);

/** One row per component and hosting site of the recommended layout (or, without one, of the status quo). */
export function layoutCsv(report: Report): string {
  const layout = report.outcome.hasPlan ? 'recommended' : 'status quo';
  return toCsv(
    ['layout', 'application_id', 'application', 'component_id', 'component', 'server_class', 'servers_total', 'home_site_id', 'home_site', 'site_id', 'site', 'servers_at_site', 'change'],
    report.applications.flatMap((app) =>
      app.components.flatMap((c) =>
        c.placement.map((p) => [layout, app.id, app.name, c.componentId, c.componentName, c.serverClass, c.servers, c.homeSiteId, c.homeSiteName, p.siteId, p.siteName, p.servers, c.change]),
      ),
    ),
  );
}

/** One row per layout (the recommended plan and every baseline), monthly USD as the evaluator priced it. */
export function costsCsv(report: Report): string {
  return toCsv(
    [
      'layout_id',
      'layout',
      'kind',
      'servers_usd',
      'storage_usd',
      'transfer_users_usd',
      'transfer_components_usd',
      'transfer_replication_usd',
      'transfer_total_usd',
      'migration_amortised_usd',
      'total_usd_per_month',
      'saving_vs_status_quo_usd',
      'saving_vs_status_quo_fraction',
      'migration_one_time_usd',
      'feasible',
      'violations',
    ],
    report.costs.rows.map((row) => [
      row.id,
      row.name,
      row.kind,
      usd(row.servers),
      usd(row.storage),
      usd(row.transferUsers),
      usd(row.transferComponents),
      usd(row.transferReplication),
      usd(row.transferTotal),
      usd(row.migrationAmortisedMonthly),
      usd(row.total),
      usd(row.savingVsStatusQuo),
      row.savingFraction !== undefined ? round(row.savingFraction, 6) : undefined,
      usd(row.migrationOneTime),
      row.feasible,
      row.violations.length,
    ]),
  );
}

/** One row per transaction and user region: response times today and in the layout, with the SLO bounds. */
export function delaysCsv(report: Report): string {
  const layout = report.delays.of === 'plan' ? 'recommended' : 'status quo';
  return toCsv(
    [
      'layout',
      'application_id',
      'application',
      'transaction_id',
      'transaction',
      'region_id',
      'region',
      'rate_per_second',
      'status_quo_mean_ms',
      'mean_ms',
      'mean_increase_ms',
      'max_mean_increase_ms',
      'status_quo_p95_ms',
      'p95_ms',
      'max_p95_ms',
      'mean_ok',
      'p95_ok',
      'p95_method',
    ],
    report.delays.rows.map((d) => [
      layout,
      d.applicationId,
      d.applicationName,
      d.transactionId,
      d.transactionName,
      d.regionId,
      d.regionName,
      d.ratePerSecond,
      ms(d.statusQuoMeanMs),
      ms(d.meanMs),
      ms(d.meanIncreaseMs),
      d.maxMeanIncreaseMs,
      ms(d.statusQuoP95Ms),
      ms(d.p95Ms),
      d.maxP95Ms,
      d.meanOk,
      d.p95Ok,
      d.method,
    ]),
  );
}
