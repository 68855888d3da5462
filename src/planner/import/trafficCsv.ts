/**
 * Import measured traffic between components, as dependency-mapping and flow
 * tools export it, into the call edges of one transaction type.
 *
 * The file: a header row, then one row per (source, destination) pair observed
 * during an observation window of `windowSeconds`:
 *
 *   source,destination,count,bytes
 *   web,app,720000,9360000000
 *
 * Columns (header names are case-insensitive; spaces and hyphens count as "_"):
 * - `source` (or src, from, caller, client, source_component): the calling component;
 * - `destination` (or dst, dest, to, callee, server, target, destination_component): the called one;
 * - `count` (or calls, requests, request_count, connections, flows, sessions, hits): calls in the window;
 * - `bytes` (or total_bytes, byte_count, octets): bytes of those calls, both directions together;
 * - optional `request_bytes` (or bytes_sent, bytes_out, tx_bytes) and `response_bytes`
 *   (or bytes_received, bytes_in, rx_bytes), seen from the source.
 * Either `bytes` or both direction columns are needed. With both direction columns they are
 * used as they are; with one of them and `bytes`, the other direction is the rest of `bytes`;
 * with `bytes` only, each call's bytes are split by `responseShare` (default 0.5) and a warning says so,
 * because transfer prices depend on the direction.
 * Components are named by id (exactly) or by their display name (ignoring case, when unique);
 * anything else is an error listing the known ids. Nothing is guessed.
 *
 * What is derived, with T = (sum of the transaction's ratePerSecond over user regions) × windowSeconds
 * transactions in the window:
 *   callsPerTransaction = count / T,  requestBytes = request bytes / count,  responseBytes = response bytes / count
 * (rounded to 6 significant digits). The traffic is thus assumed to belong to this one transaction type.
 *
 * Rows with the same source → destination are merged (counts and bytes added) with a warning:
 * flow tools export one row per server pair or per port, and several servers make one component.
 * A row whose source is its destination (traffic inside one component) is skipped with a warning,
 * and so is a row with no calls and no bytes. The calls come back ordered from the entry component
 * outwards, as the scenario format requires; a call that no chain from the entry component reaches is an error.
 *
 * The result is the transaction's whole call list (to replace, not to add to, `calls`). A file with
 * any bad row gives `ok: false` and no calls, so the caller's scenario stays as it was.
 */
import type { Application, CallEdge, TransactionType } from '../scenario/schema';
import { readNonNegative, readTable, rowList, type ColumnSpec, type CsvRow, type RowError } from './csvTable';

export interface TrafficImportOptions {
  application: Application;
  transaction: TransactionType;
  /** Length of the observation window the counts and bytes were measured over, in seconds. */
  windowSeconds: number;
  /** Share of a call's bytes that are response, used only when the file has no direction columns. Default 0.5. */
  responseShare?: number;
}

export type TrafficImportResult =
  | { ok: true; calls: CallEdge[]; warnings: string[] }
  | { ok: false; errors: RowError[] };

const COLUMNS: readonly ColumnSpec[] = [
  { name: 'source', aliases: ['src', 'from', 'caller', 'client', 'source_component', 'src_component', 'source_name'], required: true },
  { name: 'destination', aliases: ['dst', 'dest', 'to', 'callee', 'server', 'target', 'destination_component', 'dest_component', 'dst_component', 'destination_name'], required: true },
  { name: 'count', aliases: ['calls', 'call_count', 'requests', 'request_count', 'connections', 'connection_count', 'flows', 'sessions', 'hits'], required: true },
  { name: 'bytes', aliases: ['total_bytes', 'bytes_total', 'byte_count', 'volume_bytes', 'octets'], required: false },
  { name: 'request_bytes', aliases: ['req_bytes', 'bytes_sent', 'sent_bytes', 'bytes_out', 'tx_bytes'], required: false },
  { name: 'response_bytes', aliases: ['resp_bytes', 'bytes_received', 'received_bytes', 'bytes_in', 'rx_bytes'], required: false },
];

interface Measured {
  from: string;
  to: string;
  rows: number[];
  count: number;
  requestBytes: number;
  responseBytes: number;
}

export function importTrafficCsv(text: string, options: TrafficImportOptions): TrafficImportResult {
  const { application, transaction, windowSeconds } = options;
  const responseShare = options.responseShare ?? 0.5;
  const setupErrors: RowError[] = [];
  if (!(Number.isFinite(windowSeconds) && windowSeconds > 0))
    setupErrors.push({ row: 0, message: `the observation window must be a number of seconds > 0, got ${windowSeconds}` });
  if (!(responseShare >= 0 && responseShare <= 1))
    setupErrors.push({ row: 0, message: `the response share must be between 0 and 1, got ${responseShare}` });
  const ratePerSecond = Object.values(transaction.ratePerSecond).reduce((sum, r) => sum + r, 0);
  if (!(ratePerSecond > 0))
    setupErrors.push({
      row: 0,
      message: `transaction “${transaction.id}” has no rate (its ratePerSecond adds up to 0), so calls per transaction cannot be derived; enter its rates first`,
    });
  if (setupErrors.length > 0) return { ok: false, errors: setupErrors };

  const table = readTable(text, COLUMNS, 'one row per source → destination pair');
  if (!table.ok) return table;
  const has = (c: string) => table.columns.has(c);
  if (!has('bytes') && !(has('request_bytes') && has('response_bytes'))) {
    return {
      ok: false,
      errors: [{ row: 1, message: 'row 1: the header needs a “bytes” column, or both “request_bytes” and “response_bytes”' }],
    };
  }

  const resolve = componentResolver(application);
  const errors: RowError[] = [];
  const warnings: string[] = [];
  const selfRows: number[] = [];
  const emptyRows: number[] = [];
  const measured = new Map<string, Measured>();

  for (const row of table.rows) {
    const rowErrors: RowError[] = [];
    const from = resolve(row, 'source', rowErrors);
    const to = resolve(row, 'destination', rowErrors);
    const count = numberOf(row, 'count', rowErrors);
    const bytes = directionBytes(row, has, responseShare, rowErrors);
    if (rowErrors.length > 0 || from === null || to === null || count === null || bytes === null) {
      errors.push(...rowErrors);
      continue;
    }
    const total = bytes.request + bytes.response;
    if (count === 0 && total > 0) {
      errors.push({ row: row.row, message: `row ${row.row}: count is 0 but ${total} bytes were measured; bytes need at least one call` });
      continue;
    }
    if (count === 0) {
      emptyRows.push(row.row);
      continue;
    }
    if (from === to) {
      selfRows.push(row.row);
      continue;
    }
    const key = `${from}\u0000${to}`;
    const entry = measured.get(key) ?? { from, to, rows: [], count: 0, requestBytes: 0, responseBytes: 0 };
    entry.rows.push(row.row);
    entry.count += count;
    entry.requestBytes += bytes.request;
    entry.responseBytes += bytes.response;
    measured.set(key, entry);
  }
  if (errors.length > 0) return { ok: false, errors };

  const ordered = orderFromEntry([...measured.values()], transaction.entryComponent);
  if (ordered.unreached.length > 0) {
    const callers = [...new Set(ordered.unreached.map((m) => m.from))].map((c) => `“${c}”`).join(', ');
    const rows = ordered.unreached.flatMap((m) => m.rows);
    return {
      ok: false,
      errors: [
        {
          row: Math.min(...rows),
          message: `${rowList(rows)}: calls from ${callers} cannot be reached from the entry component “${transaction.entryComponent}” of transaction “${transaction.id}”: no chain of calls in the file leads there`,
        },
      ],
    };
  }
  if (ordered.edges.length === 0) return { ok: false, errors: [{ row: 0, message: 'the file has no calls between two different components' }] };

  if (!has('request_bytes') && !has('response_bytes'))
    warnings.push(
      `the file has no request_bytes/response_bytes columns: each call's bytes were split ${Math.round((1 - responseShare) * 100)}% request, ${Math.round(responseShare * 100)}% response; give both columns for direction-accurate transfer costs`,
    );
  for (const m of ordered.edges) {
    if (m.rows.length > 1) warnings.push(`${rowList(m.rows)}: ${m.from} → ${m.to} appears more than once; merged (counts and bytes added)`);
  }
  if (selfRows.length > 0) warnings.push(`${rowList(selfRows)}: traffic inside one component was skipped (it never crosses sites as a call edge)`);
  if (emptyRows.length > 0) warnings.push(`${rowList(emptyRows)}: no calls and no bytes; skipped`);

  const transactions = ratePerSecond * windowSeconds;
  const calls = ordered.edges.map((m) => ({
    from: m.from,
    to: m.to,
    callsPerTransaction: significant(m.count / transactions),
    requestBytes: significant(m.requestBytes / m.count),
    responseBytes: significant(m.responseBytes / m.count),
  }));
  return { ok: true, calls, warnings };
}

function significant(value: number): number {
  return Number(value.toPrecision(6));
}

function numberOf(row: CsvRow, column: string, errors: RowError[]): number | null {
  const read = readNonNegative(row, column);
  if ('error' in read) {
    errors.push(read.error);
    return null;
  }
  return read.value;
}

function directionBytes(
  row: CsvRow,
  has: (column: string) => boolean,
  responseShare: number,
  errors: RowError[],
): { request: number; response: number } | null {
  if (has('request_bytes') && has('response_bytes')) {
    const request = numberOf(row, 'request_bytes', errors);
    const response = numberOf(row, 'response_bytes', errors);
    return request === null || response === null ? null : { request, response };
  }
  const total = numberOf(row, 'bytes', errors);
  if (total === null) return null;
  const known = has('request_bytes') ? 'request_bytes' : has('response_bytes') ? 'response_bytes' : null;
  if (known === null) return { request: total * (1 - responseShare), response: total * responseShare };
  const part = numberOf(row, known, errors);
  if (part === null) return null;
  if (part > total) {
    errors.push({ row: row.row, message: `row ${row.row}: ${known} ${part} is more than bytes ${total} (bytes counts both directions)` });
    return null;
  }
  return known === 'request_bytes' ? { request: part, response: total - part } : { request: total - part, response: part };
}

function componentResolver(application: Application) {
  const ids = new Set(application.components.map((c) => c.id));
  const byName = new Map<string, string | null>();
  for (const c of application.components) {
    const key = c.name.trim().toLowerCase();
    // Two components with the same display name cannot be told apart by it.
    byName.set(key, byName.has(key) ? null : c.id);
  }
  const known = application.components.map((c) => c.id).join(', ');
  return (row: CsvRow, column: 'source' | 'destination', errors: RowError[]): string | null => {
    const text = row.cells[column] ?? '';
    if (text === '') {
      errors.push({ row: row.row, message: `row ${row.row}: the ${column} component is empty; known: ${known}` });
      return null;
    }
    if (ids.has(text)) return text;
    const named = byName.get(text.toLowerCase());
    if (named) return named;
    errors.push({ row: row.row, message: `row ${row.row}: unknown ${column} component “${text}”; known: ${known}` });
    return null;
  };
}

/** Breadth-first from the entry component, keeping the file's order among calls of the same depth. */
function orderFromEntry(edges: Measured[], entry: string): { edges: Measured[]; unreached: Measured[] } {
  const reached = new Set([entry]);
  const ordered: Measured[] = [];
  let remaining = edges;
  for (;;) {
    const frontier = new Set(reached);
    const next = remaining.filter((e) => !frontier.has(e.from));
    const taken = remaining.filter((e) => frontier.has(e.from));
    if (taken.length === 0) return { edges: ordered, unreached: remaining };
    for (const e of taken) {
      ordered.push(e);
      reached.add(e.to);
    }
    remaining = next;
  }
}
