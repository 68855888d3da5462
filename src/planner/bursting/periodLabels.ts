/**
 * Wall-clock labels for the periods of a demand horizon, in the time zone the
 * demand's start was written in (so "2024-11-25T00:00-05:00" labels US Eastern
 * hours and "…Z" labels UTC), independent of the browser's own zone.
 */
import type { Demand } from '../scenario/schema';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function offsetMinutes(iso: string): number {
  const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!m || m[1] === 'Z') return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}

export function zoneName(demand: Demand | undefined): string {
  if (!demand?.start) return '';
  const off = offsetMinutes(demand.start);
  if (off === 0) return 'UTC';
  const sign = off < 0 ? '−' : '+';
  const a = Math.abs(off);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** "Thu 28 Nov 17:00" for a dated horizon, "period 42" otherwise. */
export function periodLabel(demand: Demand | undefined, period: number, short = false): string {
  if (!demand?.start) return `period ${period + 1}`;
  const off = offsetMinutes(demand.start);
  const t = new Date(Date.parse(demand.start) + (period * demand.periodMinutes + off) * 60_000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  const day = DAYS[t.getUTCDay()];
  return short ? `${day} ${hh}:${mm}` : `${day} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${hh}:${mm}`;
}
