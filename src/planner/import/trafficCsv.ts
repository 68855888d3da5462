/**
 * TEMPORARY (editor-ui branch): a thin stand-in with the agreed signatures so the
 * editor compiles. The real importer is written in another branch and replaces this
 * file at merge. Format assumed here: a header `from,to,calls,requestBytes,responseBytes`,
 * then one row per caller and callee with the calls counted in the window and their
 * total bytes; calls per transaction = calls / (transactions in the window).
 */
import type { Application, CallEdge, TransactionType } from '../scenario/schema';

export type TrafficImport = { ok: true; calls: CallEdge[]; warnings: string[] } | { ok: false; errors: { row: number; message: string }[] };

export function importTrafficCsv(text: string, options: { application: Application; transaction: TransactionType; windowSeconds: number }): TrafficImport {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const errors: { row: number; message: string }[] = [];
  const calls: CallEdge[] = [];
  const ids = new Set(options.application.components.map((c) => c.id));
  const rate = Object.values(options.transaction.ratePerSecond).reduce((a, b) => a + b, 0);
  const transactions = rate * options.windowSeconds;
  if (lines.length === 0) return { ok: false, errors: [{ row: 1, message: 'the file is empty, expected a header from,to,calls,requestBytes,responseBytes' }] };
  if (transactions <= 0) errors.push({ row: 1, message: 'the transaction has no rate, so calls per transaction cannot be computed' });
  lines.slice(1).forEach((line, i) => {
    const row = i + 2;
    const [from = '', to = '', callsText = '', req = '', res = ''] = line.split(',').map((c) => c.trim());
    for (const id of [from, to]) if (!ids.has(id)) errors.push({ row, message: `row ${row}: unknown component "${id}"` });
    const numbers = [callsText, req, res].map(Number);
    if (numbers.some((n) => !Number.isFinite(n) || n < 0)) {
      errors.push({ row, message: `row ${row}: calls and bytes must be numbers ≥ 0` });
      return;
    }
    const [count, requestBytes, responseBytes] = numbers as [number, number, number];
    if (count === 0) return;
    calls.push({ from, to, callsPerTransaction: transactions > 0 ? count / transactions : 0, requestBytes: requestBytes / count, responseBytes: responseBytes / count });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, calls, warnings: [] };
}
