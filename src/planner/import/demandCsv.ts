/**
 * TEMPORARY (editor-ui branch): a thin stand-in with the agreed signatures so the
 * editor compiles. The real importer is written in another branch and replaces this
 * file at merge. Format assumed here: a header `time,<application id>,...`, one row per period.
 */
import type { Demand } from '../scenario/schema';

export type DemandImport = { ok: true; demand: Demand; warnings: string[] } | { ok: false; errors: { row: number; message: string }[] };

export function importDemandCsv(text: string, options: { applicationIds: string[]; unit?: string }): DemandImport {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const errors: { row: number; message: string }[] = [];
  const header = (lines[0] ?? '').split(',').map((c) => c.trim());
  const apps = header.slice(1);
  apps.forEach((a) => {
    if (!options.applicationIds.includes(a)) errors.push({ row: 1, message: `row 1: unknown application "${a}"` });
  });
  if (apps.length === 0) errors.push({ row: 1, message: 'row 1: expected a header time,<application id>,...' });
  const values: number[][] = apps.map(() => []);
  const times: number[] = [];
  lines.slice(1).forEach((line, i) => {
    const row = i + 2;
    const cells = line.split(',').map((c) => c.trim());
    const t = Date.parse(cells[0] ?? '');
    if (Number.isNaN(t)) errors.push({ row, message: `row ${row}: "${cells[0]}" is not a date and time` });
    times.push(t);
    apps.forEach((_, j) => {
      const v = Number(cells[j + 1]);
      if (cells[j + 1] === undefined || !Number.isFinite(v) || v < 0) errors.push({ row, message: `row ${row}: the value for "${apps[j]}" must be a number ≥ 0` });
      values[j]!.push(v);
    });
  });
  if (times.length < 2) errors.push({ row: lines.length + 1, message: 'at least two periods are needed' });
  if (errors.length > 0) return { ok: false, errors };
  const periodMinutes = Math.round((times[1]! - times[0]!) / 60000);
  return {
    ok: true,
    demand: { periodMinutes, start: new Date(times[0]!).toISOString().replace('.000', ''), unit: options.unit ?? 'requests/s', profiles: apps.map((application, j) => ({ application, values: values[j]! })) },
    warnings: [],
  };
}
