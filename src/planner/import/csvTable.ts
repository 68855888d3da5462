/**
 * The part the CSV importers share: parse a file with papaparse into rows that
 * keep their spreadsheet row number (the header is row 1), find the columns by
 * name or alias, and read numbers strictly.
 *
 * papaparse rather than splitting on commas: exports from monitoring and
 * dependency-mapping tools quote fields that contain the delimiter, use
 * semicolons (European spreadsheet locales) or tabs, start with a byte-order
 * mark and end lines with CRLF; a hand-written splitter gets each of these wrong.
 */
import Papa from 'papaparse';

export interface RowError {
  /** Spreadsheet row number: 1 is the header, 2 the first data row; 0 for the file as a whole. */
  row: number;
  message: string;
}

export interface CsvRow {
  row: number;
  /** Cell text by canonical column name, trimmed; absent when the column is absent. */
  cells: Record<string, string>;
}

export interface ColumnSpec {
  /** The canonical name the importer uses. */
  name: string;
  /** Other header spellings accepted (after normalising case, spaces and hyphens). */
  aliases: readonly string[];
  required: boolean;
}

export type TableResult =
  | { ok: true; rows: CsvRow[]; columns: Set<string> }
  | { ok: false; errors: RowError[] };

/** `Request Bytes`, `request-bytes` and `REQUEST_BYTES` all become `request_bytes`. */
export function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Reads the header and the data rows. Blank lines are skipped but still counted,
 * so row numbers match what a spreadsheet shows.
 */
export function readTable(text: string, specs: readonly ColumnSpec[], what: string): TableResult {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, errors: [{ row: 0, message: `the file is empty; expected a header row (${expectedHeader(specs)}) and ${what}` }] };

  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const errors: RowError[] = parsed.errors
    // A file with a single column has no delimiter to detect; that is not the user's mistake.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: `row ${(e.row ?? 0) + 1}: ${describeParseError(e)}` }));
  if (errors.length > 0) return { ok: false, errors };

  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) return { ok: false, errors: [{ row: 0, message: `the file has no header row; expected ${expectedHeader(specs)}` }] };
  const header = records[headerIndex]!;
  const headerRow = headerIndex + 1;
  const positions = new Map<string, number>();
  const seenHeaders = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normaliseHeader(cell);
    const spec = specs.find((s) => s.name === key || s.aliases.includes(key));
    if (!spec) return;
    const earlier = seenHeaders.get(spec.name);
    if (earlier !== undefined) {
      errors.push({ row: headerRow, message: `row ${headerRow}: columns ${earlier + 1} (“${header[earlier]!.trim()}”) and ${i + 1} (“${cell.trim()}”) both mean “${spec.name}”; keep one` });
      return;
    }
    seenHeaders.set(spec.name, i);
    positions.set(spec.name, i);
  });
  const missing = specs.filter((s) => s.required && !positions.has(s.name));
  if (missing.length > 0) {
    const found = header.map((c) => `“${c.trim()}”`).join(', ');
    errors.push({
      row: headerRow,
      message: `row ${headerRow}: the header has no ${missing.map((s) => `“${s.name}”`).join(', ')} column${missing.length > 1 ? 's' : ''}; expected ${expectedHeader(specs)}, found ${found}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const rows: CsvRow[] = [];
  records.forEach((record, index) => {
    if (index <= headerIndex || isBlank(record)) return;
    const cells: Record<string, string> = {};
    for (const [name, position] of positions) {
      const cell = record[position];
      if (cell !== undefined) cells[name] = cell.trim();
    }
    rows.push({ row: index + 1, cells });
  });
  if (rows.length === 0) return { ok: false, errors: [{ row: headerRow, message: `the file has only a header row; expected ${what} below it` }] };
  return { ok: true, rows, columns: new Set(positions.keys()) };
}

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function expectedHeader(specs: readonly ColumnSpec[]): string {
  return specs.filter((s) => s.required).map((s) => s.name).join(',');
}

function describeParseError(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'a quoted field is never closed (a " is missing)';
  if (e.code === 'InvalidQuotes') return 'a field has a stray " inside it (write "" for a quote inside a quoted field)';
  return e.message;
}

const PLAIN_NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a cell as a number ≥ 0. Strict on purpose: "1,200" or "12 KB" are
 * reported rather than read as 1 or 12.
 */
export function readNonNegative(row: CsvRow, column: string): { value: number } | { error: RowError } {
  const text = row.cells[column];
  if (text === undefined || text === '') return { error: { row: row.row, message: `row ${row.row}: ${column} is empty; it must be a number ≥ 0` } };
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { value };
  }
  const negative = /^-/.test(text) && Number.isFinite(Number(text));
  return {
    error: {
      row: row.row,
      message: negative
        ? `row ${row.row}: ${column} must be a number ≥ 0, got ${text}`
        : `row ${row.row}: ${column} must be a plain number ≥ 0 (digits, optional decimal point, no units or thousands separators), got “${text}”`,
    },
  };
}

/** A list of row numbers for a message: "rows 2, 5 and 9". */
export function rowList(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 1) return `row ${sorted[0]}`;
  return `rows ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}
