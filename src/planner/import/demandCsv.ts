/**
 * Demand per period for cloud bursting, to and from CSV: one row per
 * (period, application), as monitoring tools export a time series.
 *
 *   timestamp,application,demand
 *   2024-11-25T05:00:00Z,storefront,120
 *   2024-11-25T05:00:00Z,wholesale,40
 *   2024-11-25T06:00:00Z,storefront,135
 *   ...
 *
 * Columns (case-insensitive; aliases accepted): `timestamp` (time, datetime, period_start, ts),
 * `application` (app, application_id, app_id), `demand` (value, load, requests, rps, rate).
 *
 * Rules, each broken one reported with its rows:
 * - a timestamp is an ISO 8601 date and time with a time zone, the same rule as the scenario's
 *   `demand.start` (the schema's own check is used); rows may come in any order, and the same
 *   instant may be written with different offsets (daylight saving time);
 * - the period is inferred from the timestamps: the most common step between consecutive distinct
 *   instants (or `options.periodMinutes` when given, which a file with one instant needs); it must be
 *   whole minutes, and every other step is an error (a gap, or an irregular step);
 * - every application that appears needs exactly one value in every period: missing and duplicate
 *   (timestamp, application) pairs are errors; an application of `applicationIds` without any row gets
 *   no profile (a warning), as the format allows profiles for some applications only;
 * - an application not in `applicationIds` is an error listing the known ones, never guessed;
 * - demand is a plain number ≥ 0.
 * `start` is the earliest timestamp as written in the file; profiles follow the order of `applicationIds`.
 * A file with any bad row gives `ok: false` and no demand.
 */
import Papa from 'papaparse';
import { DemandSchema, type Demand } from '../scenario/schema';
import { readNonNegative, readTable, rowList, type ColumnSpec, type RowError } from './csvTable';

export interface DemandImportOptions {
  applicationIds: string[];
  /** Unit of the demand column; default "requests/s" (the format's default). */
  unit?: string;
  /** The period length when known; required for a file with a single timestamp. */
  periodMinutes?: number;
}

export type DemandImportResult =
  | { ok: true; demand: Demand; warnings: string[] }
  | { ok: false; errors: RowError[] };

const COLUMNS: readonly ColumnSpec[] = [
  { name: 'timestamp', aliases: ['time', 'datetime', 'date_time', 'time_stamp', 'period_start', 'ts'], required: true },
  { name: 'application', aliases: ['app', 'application_id', 'app_id'], required: true },
  { name: 'demand', aliases: ['value', 'load', 'requests', 'requests_per_second', 'rps', 'rate'], required: true },
];

const MINUTE_MS = 60_000;
/** Enough missing-value messages to see the pattern without burying the rest. */
const MAX_MISSING_REPORTED = 20;

const startRule = DemandSchema.shape.start;

interface Sample {
  row: number;
  text: string;
  time: number;
  application: string;
  value: number;
}

export function importDemandCsv(text: string, options: DemandImportOptions): DemandImportResult {
  const hint = options.periodMinutes;
  if (hint !== undefined && !(Number.isInteger(hint) && hint >= 1))
    return { ok: false, errors: [{ row: 0, message: `the period must be a whole number of minutes ≥ 1, got ${hint}` }] };

  const table = readTable(text, COLUMNS, 'one row per period and application');
  if (!table.ok) return table;

  const known = new Set(options.applicationIds);
  const knownList = options.applicationIds.join(', ') || '(none)';
  const errors: RowError[] = [];
  const samples: Sample[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const stamp = row.cells.timestamp ?? '';
    const time = startRule.safeParse(stamp).success && stamp !== '' ? Date.parse(stamp) : NaN;
    if (Number.isNaN(time))
      errors.push({ row: row.row, message: `row ${row.row}: timestamp “${stamp}” must be an ISO 8601 date and time with a time zone, like 2026-11-23T00:00:00Z` });
    const application = row.cells.application ?? '';
    if (!known.has(application))
      errors.push({
        row: row.row,
        message: application === '' ? `row ${row.row}: the application is empty; known: ${knownList}` : `row ${row.row}: unknown application “${application}”; known: ${knownList}`,
      });
    const value = readNonNegative(row, 'demand');
    if ('error' in value) errors.push(value.error);
    if (errors.length === before && 'value' in value) samples.push({ row: row.row, text: stamp, time, application, value: value.value });
  }
  if (errors.length > 0) return { ok: false, errors };

  // Distinct instants in time order, each with the rows that carry it.
  const rowsAt = new Map<number, Sample[]>();
  for (const s of samples) rowsAt.set(s.time, [...(rowsAt.get(s.time) ?? []), s]);
  const times = [...rowsAt.keys()].sort((a, b) => a - b);
  const firstRow = (t: number) => Math.min(...rowsAt.get(t)!.map((s) => s.row));
  const label = (t: number) => rowsAt.get(t)!.find((s) => s.row === firstRow(t))!.text;

  const period = inferPeriod(times, hint, firstRow, label);
  if ('errors' in period) return { ok: false, errors: period.errors };
  const periodMs = period.minutes * MINUTE_MS;

  // One value per (period, application).
  const present = options.applicationIds.filter((id) => samples.some((s) => s.application === id));
  const values = new Map(present.map((id) => [id, new Array<number | undefined>(times.length).fill(undefined)]));
  const rowsOfPair = new Map<string, number[]>();
  for (const s of samples) {
    const index = (s.time - times[0]!) / periodMs;
    values.get(s.application)![index] = s.value;
    const key = `${index}\u0000${s.application}`;
    rowsOfPair.set(key, [...(rowsOfPair.get(key) ?? []), s.row]);
  }
  for (const [key, rows] of rowsOfPair) {
    if (rows.length < 2) continue;
    const [index, application] = key.split('\u0000') as [string, string];
    errors.push({
      row: Math.min(...rows),
      message: `${rowList(rows)}: application “${application}” has ${rows.length} values for ${label(times[Number(index)]!)}; give one value per period`,
    });
  }
  let missing = 0;
  for (const id of present) {
    values.get(id)!.forEach((v, index) => {
      if (v !== undefined) return;
      missing++;
      if (missing > MAX_MISSING_REPORTED) return;
      const t = times[index]!;
      const others = rowsAt.get(t)!.map((s) => s.row);
      errors.push({
        row: firstRow(t),
        message: `application “${id}” has no value for ${label(t)}, the time of ${rowList(others)}; every application needs a value in every period`,
      });
    });
  }
  errors.sort((a, b) => a.row - b.row);
  if (missing > MAX_MISSING_REPORTED)
    errors.push({ row: 0, message: `… and ${missing - MAX_MISSING_REPORTED} more missing values (${missing} in all)` });
  if (errors.length > 0) return { ok: false, errors };

  const warnings = options.applicationIds
    .filter((id) => !present.includes(id))
    .map((id) => `no rows for application “${id}”; it gets no demand profile`);
  const demand: Demand = {
    periodMinutes: period.minutes,
    start: label(times[0]!),
    unit: options.unit ?? 'requests/s',
    profiles: present.map((id) => ({ application: id, values: values.get(id)! as number[] })),
  };
  return { ok: true, demand, warnings };
}

function inferPeriod(
  times: readonly number[],
  hint: number | undefined,
  firstRow: (t: number) => number,
  label: (t: number) => string,
): { minutes: number } | { errors: RowError[] } {
  if (times.length === 1) {
    if (hint !== undefined) return { minutes: hint };
    return {
      errors: [{ row: firstRow(times[0]!), message: `every row has the same timestamp ${label(times[0]!)}, so the period length cannot be inferred; give the period in minutes` }],
    };
  }
  const steps = times.slice(1).map((t, i) => t - times[i]!);
  let periodMs: number;
  if (hint !== undefined) periodMs = hint * MINUTE_MS;
  else {
    const tally = new Map<number, number>();
    for (const s of steps) tally.set(s, (tally.get(s) ?? 0) + 1);
    periodMs = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    if (periodMs % MINUTE_MS !== 0) {
      const i = steps.indexOf(periodMs);
      return {
        errors: [
          {
            row: firstRow(times[i]!),
            message: `${rowList([firstRow(times[i]!), firstRow(times[i + 1]!)])}: timestamps are ${periodMs / 1000} seconds apart; periods must be whole minutes`,
          },
        ],
      };
    }
  }
  const minutes = periodMs / MINUTE_MS;
  const errors: RowError[] = [];
  steps.forEach((step, i) => {
    if (step === periodMs) return;
    const [a, b] = [times[i]!, times[i + 1]!];
    const rows = rowList([firstRow(a), firstRow(b)]);
    const between = `${label(a)} and ${label(b)}`;
    const stepText = formatMinutes(step);
    const basis = hint !== undefined ? 'the period given' : 'the most common step';
    errors.push({
      row: firstRow(a),
      message:
        step % periodMs === 0
          ? `${rows}: a gap between ${between}: ${step / periodMs - 1} period${step / periodMs - 1 > 1 ? 's' : ''} of ${minutes} minutes missing`
          : `${rows}: ${between} are ${stepText} apart, but the period is ${minutes} minutes (${basis}); timestamps must be evenly spaced`,
    });
  });
  return errors.length > 0 ? { errors } : { minutes };
}

function formatMinutes(ms: number): string {
  const minutes = ms / MINUTE_MS;
  return Number.isInteger(minutes) ? `${minutes} minutes` : `${ms / 1000} seconds`;
}

/**
 * The demand as CSV (timestamp,application,demand), one row per period and
 * application, timestamps in the time zone of `demand.start`. Without a start,
 * periods are counted from `fallbackStart`.
 */
export function demandToCsv(demand: Demand, fallbackStart = '2000-01-01T00:00:00Z'): string {
  const start = demand.start ?? fallbackStart;
  const origin = Date.parse(start);
  const offset = zoneOf(start);
  const periods = Math.max(0, ...demand.profiles.map((p) => p.values.length));
  const rows: string[][] = [];
  for (let i = 0; i < periods; i++) {
    const stamp = i === 0 ? start : formatInZone(origin + i * demand.periodMinutes * MINUTE_MS, offset);
    for (const profile of demand.profiles) {
      const value = profile.values[i];
      if (value !== undefined) rows.push([stamp, profile.application, String(value)]);
    }
  }
  return Papa.unparse({ fields: ['timestamp', 'application', 'demand'], data: rows }, { newline: '\n' }) + '\n';
}

/** The zone suffix of an ISO timestamp ("Z" or "+01:00") and its offset in minutes. */
function zoneOf(stamp: string): { suffix: string; minutes: number } {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(stamp);
  if (!match) return { suffix: 'Z', minutes: 0 };
  const minutes = (Number(match[2]) * 60 + Number(match[3])) * (match[1] === '-' ? -1 : 1);
  return { suffix: match[0], minutes };
}

function formatInZone(time: number, zone: { suffix: string; minutes: number }): string {
  const local = new Date(time + zone.minutes * MINUTE_MS).toISOString().replace(/\.000Z$/, 'Z');
  return local.replace(/Z$/, zone.suffix);
}
