import { describe, it, expect } from 'vitest';
import { parseScenario } from '../scenario/validate';
import { sampleById } from '../samples';
import type { Application, TransactionType } from '../scenario/schema';
import { importTrafficCsv } from './trafficCsv';

function webshop() {
  const parsed = parseScenario(sampleById('webshop')!.document);
  if (!parsed.ok) throw new Error('webshop sample does not parse');
  const app = parsed.scenario.applications[0]!;
  const browse = app.transactions.find((t) => t.id === 'browse')!;
  return { scenario: parsed.scenario, app, browse };
}

const { scenario, app, browse } = webshop();
// browse: 0.5 + 30 + 12 = 42.5 transactions/s; over one hour 153,000 transactions.
const HOUR = 3600;
const TRANSACTIONS_PER_HOUR = 153_000;
const opts = { application: app, transaction: browse, windowSeconds: HOUR };

function expectOk(result: ReturnType<typeof importTrafficCsv>) {
  if (!result.ok) throw new Error(`expected ok, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}
function expectErrors(result: ReturnType<typeof importTrafficCsv>) {
  if (result.ok) throw new Error('expected errors, got ok');
  return result.errors;
}

describe('importTrafficCsv: derived call edges', () => {
  it('derives calls per transaction and bytes per call from counts over the window (by hand)', () => {
    // web→app: 306,000 calls / 153,000 transactions = 2 per transaction;
    // 306,000,000 request bytes / 306,000 calls = 1,000 B; 3,672,000,000 / 306,000 = 12,000 B.
    // app→db: 459,000 calls = 3 per transaction, 229,500,000 / 459,000 = 500 B, 2,754,000,000 / 459,000 = 6,000 B.
    const csv = [
      'source,destination,count,request_bytes,response_bytes',
      'web,app,306000,306000000,3672000000',
      'app,db,459000,229500000,2754000000',
    ].join('\n');
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls).toEqual([
      { from: 'web', to: 'app', callsPerTransaction: 2, requestBytes: 1000, responseBytes: 12000 },
      { from: 'app', to: 'db', callsPerTransaction: 3, requestBytes: 500, responseBytes: 6000 },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reproduces the sample transaction from the traffic it implies, and the result validates', () => {
    const lines = ['source,destination,count,request_bytes,response_bytes'];
    for (const c of browse.calls) {
      const count = c.callsPerTransaction * TRANSACTIONS_PER_HOUR;
      lines.push(`${c.from},${c.to},${count},${c.requestBytes * count},${c.responseBytes * count}`);
    }
    const result = expectOk(importTrafficCsv(lines.join('\r\n') + '\r\n', opts));
    expect(result.calls).toEqual(browse.calls);
    const edited = structuredClone(scenario);
    edited.applications[0]!.transactions[0]!.calls = result.calls;
    expect(parseScenario(edited).ok).toBe(true);
  });

  it('halves total bytes between directions when only "bytes" is given, and says so', () => {
    // 153,000 calls (1 per transaction) carrying 306,000,000 bytes: 2,000 B per call, 1,000 each way.
    const result = expectOk(importTrafficCsv('source,destination,bytes,count\nweb,app,306000000,153000\n', opts));
    expect(result.calls).toEqual([{ from: 'web', to: 'app', callsPerTransaction: 1, requestBytes: 1000, responseBytes: 1000 }]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/50% request, 50% response/);
  });

  it('splits by responseShare when given', () => {
    const result = expectOk(importTrafficCsv('source,destination,bytes,count\nweb,app,306000000,153000\n', { ...opts, responseShare: 0.9 }));
    expect(result.calls[0]).toMatchObject({ requestBytes: 200, responseBytes: 1800 });
  });

  it('takes the other direction as the rest of bytes when one direction column is given', () => {
    const result = expectOk(importTrafficCsv('source,destination,bytes,count,bytes_sent\nweb,app,306000000,153000,76500000\n', opts));
    expect(result.calls[0]).toMatchObject({ requestBytes: 500, responseBytes: 1500 });
    expect(result.warnings).toEqual([]);
  });

  it('accepts aliases in any case, semicolons, quotes, a byte-order mark and blank lines', () => {
    const csv = '\uFEFFSrc;DST;Calls;Bytes Sent;Bytes-Received\n\n"web";"app";153000;153000000;1530000000\n';
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls).toEqual([{ from: 'web', to: 'app', callsPerTransaction: 1, requestBytes: 1000, responseBytes: 10000 }]);
  });

  it('accepts a component by its display name, ignoring case', () => {
    const csv = 'source,destination,count,bytes\nstorefront web servers,Shop application servers,153000,0\n';
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls[0]).toMatchObject({ from: 'web', to: 'app' });
  });

  it('merges repeated source → destination rows and names them in a warning', () => {
    const csv = [
      'source,destination,count,request_bytes,response_bytes',
      'web,app,100000,100000000,1000000000',
      'app,db,153000,0,0',
      'web,app,53000,53000000,530000000',
    ].join('\n');
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls[0]).toEqual({ from: 'web', to: 'app', callsPerTransaction: 1, requestBytes: 1000, responseBytes: 10000 });
    expect(result.warnings).toContain('rows 2 and 4: web → app appears more than once; merged (counts and bytes added)');
  });

  it('orders calls from the entry component outwards whatever the row order', () => {
    const csv = ['source,destination,count,bytes', 'app,db,153000,0', 'app,cache,153000,0', 'web,app,153000,0'].join('\n');
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls.map((c) => `${c.from}>${c.to}`)).toEqual(['web>app', 'app>db', 'app>cache']);
  });

  it('skips traffic inside one component and rows with nothing measured, with warnings', () => {
    const csv = ['source,destination,count,bytes', 'web,app,153000,0', 'app,app,5000,100', 'app,db,0,0'].join('\n');
    const result = expectOk(importTrafficCsv(csv, opts));
    expect(result.calls).toHaveLength(1);
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^row 3: traffic inside one component/), 'row 4: no calls and no bytes; skipped']));
  });

  it('rounds derived values to 6 significant digits', () => {
    // 51,000 calls / 153,000 transactions = 1/3.
    const result = expectOk(importTrafficCsv('source,destination,count,bytes\nweb,app,51000,0\n', opts));
    expect(result.calls[0]!.callsPerTransaction).toBe(0.333333);
  });
});

describe('importTrafficCsv: errors with row numbers, and nothing changes', () => {
  it('names an unknown component with its row and the known ids, without guessing', () => {
    const csv = ['source,destination,count,bytes', 'web,app,1,1', 'app,db,1,1', 'app,db2,1,1'].join('\n');
    expect(expectErrors(importTrafficCsv(csv, opts))).toEqual([
      { row: 4, message: 'row 4: unknown destination component “db2”; known: web, app, cache, search, db' },
    ]);
  });

  it('reports non-numeric, negative and empty numbers on their rows, all at once', () => {
    const csv = ['source,destination,count,bytes', 'web,app,12 k,100', 'app,db,5,-3', 'app,cache,,100', 'wen,app,1,1,'].join('\n');
    const errors = expectErrors(importTrafficCsv(csv, opts));
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(errors[0]!.message).toBe('row 2: count must be a plain number ≥ 0 (digits, optional decimal point, no units or thousands separators), got “12 k”');
    expect(errors[1]!.message).toBe('row 3: bytes must be a number ≥ 0, got -3');
    expect(errors[2]!.message).toBe('row 4: count is empty; it must be a number ≥ 0');
    expect(errors[3]!.message).toMatch(/^row 5: unknown source component “wen”/);
  });

  it('refuses bytes without calls', () => {
    const errors = expectErrors(importTrafficCsv('source,destination,count,bytes\nweb,app,0,500\n', opts));
    expect(errors).toEqual([{ row: 2, message: 'row 2: count is 0 but 500 bytes were measured; bytes need at least one call' }]);
  });

  it('refuses a direction column larger than the total', () => {
    const errors = expectErrors(importTrafficCsv('source,destination,count,bytes,request_bytes\nweb,app,1,500,600\n', opts));
    expect(errors[0]!.message).toBe('row 2: request_bytes 600 is more than bytes 500 (bytes counts both directions)');
  });

  it('names missing columns and what was found', () => {
    const errors = expectErrors(importTrafficCsv('source,target,bytes\nweb,app,1\n', opts));
    expect(errors).toEqual([
      { row: 1, message: 'row 1: the header has no “count” column; expected source,destination,count, found “source”, “target”, “bytes”' },
    ]);
    const noBytes = expectErrors(importTrafficCsv('source,destination,count,request_bytes\nweb,app,1,1\n', opts));
    expect(noBytes[0]!.message).toBe('row 1: the header needs a “bytes” column, or both “request_bytes” and “response_bytes”');
  });

  it('refuses two columns that mean the same', () => {
    const errors = expectErrors(importTrafficCsv('source,destination,count,calls,bytes\nweb,app,1,1,1\n', opts));
    expect(errors[0]!.message).toBe('row 1: columns 3 (“count”) and 4 (“calls”) both mean “count”; keep one');
  });

  it('reports an empty file and a header-only file', () => {
    expect(expectErrors(importTrafficCsv('', opts))[0]).toEqual({
      row: 0,
      message: 'the file is empty; expected a header row (source,destination,count) and one row per source → destination pair',
    });
    expect(expectErrors(importTrafficCsv('source,destination,count,bytes\n\n', opts))[0]).toEqual({
      row: 1,
      message: 'the file has only a header row; expected one row per source → destination pair below it',
    });
  });

  it('reports an unclosed quote with its row', () => {
    const errors = expectErrors(importTrafficCsv('source,destination,count,bytes\nweb,app,1,1\n"app,db,1,1\n', opts));
    expect(errors[0]!.row).toBe(3);
    expect(errors[0]!.message).toMatch(/^row 3: a quoted field is never closed/);
  });

  it('refuses calls that no chain from the entry component reaches', () => {
    const csv = ['source,destination,count,bytes', 'web,app,1,1', 'cache,db,1,1', 'search,db,1,1'].join('\n');
    expect(expectErrors(importTrafficCsv(csv, opts))).toEqual([
      {
        row: 3,
        message: 'rows 3 and 4: calls from “cache”, “search” cannot be reached from the entry component “web” of transaction “browse”: no chain of calls in the file leads there',
      },
    ]);
  });

  it('refuses a transaction without a rate and a window that is not positive', () => {
    const idle: TransactionType = { ...browse, ratePerSecond: {} };
    expect(expectErrors(importTrafficCsv('source,destination,count,bytes\nweb,app,1,1\n', { ...opts, transaction: idle }))[0]!.message).toMatch(
      /^transaction “browse” has no rate/,
    );
    expect(expectErrors(importTrafficCsv('source,destination,count,bytes\nweb,app,1,1\n', { ...opts, windowSeconds: 0 }))[0]!.message).toBe(
      'the observation window must be a number of seconds > 0, got 0',
    );
  });

  it('does not touch the application or the transaction it was given', () => {
    const before = structuredClone(app);
    importTrafficCsv('source,destination,count,bytes\nweb,app,1,1\n', opts);
    importTrafficCsv('source,destination,count,bytes\nweb,nope,1,1\n', opts);
    expect(app).toEqual(before as Application);
  });
});
