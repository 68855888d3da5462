/** Number formatting shared by the HTML and Markdown reports (en-US, USD). Pure; no user text here. */

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOne = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const upToTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const upToThree = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** "$1,234.50"; negative amounts as "−$12.00". */
export function formatUSD(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const text = money.format(Math.abs(usd));
  return usd < -0.005 ? `−${text}` : text;
}

/** A ratio (0.125) as "12.5%". */
export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  const p = ratio * 100;
  if (p !== 0 && Math.abs(p) < 0.01) return p > 0 ? '< 0.01%' : '> −0.01%';
  const text = Math.abs(p) > 0 && Math.abs(p) < 0.1 && digits <= 1 ? p.toFixed(2) : p.toFixed(digits);
  return `${text.replace('-', '−')}%`;
}

/**
 * A duration given in milliseconds: "68.5 ms" below 10 s, then "12.3 s", "59.5 min", "1.9 h".
 * `trim` drops a trailing ".0" (for bounds the user typed, like "600 ms").
 */
export function formatMs(ms: number, trim = false): string {
  if (!Number.isFinite(ms)) return '—';
  const a = Math.abs(ms);
  const [value, unit] = a < 10_000 ? [a, 'ms'] : a < 600_000 ? [a / 1000, 's'] : a < 36_000_000 ? [a / 60_000, 'min'] : [a / 3_600_000, 'h'];
  const text = (trim ? upToOne : oneDecimal).format(value);
  return `${ms < 0 && /[1-9]/.test(text) ? '−' : ''}${text} ${unit}`;
}

/** A signed change of a duration: "+12.3 ms", "−2.0 ms", "+7.1 min". */
export function formatMsChange(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const text = formatMs(Math.abs(ms));
  return `${ms < 0 && /[1-9]/.test(text) ? '−' : '+'}${text}`;
}

export function formatMbps(mbps: number): string {
  if (!Number.isFinite(mbps)) return '—';
  return `${mbps > 0 && mbps < 0.01 ? '< 0.01' : mbps < 100 ? upToTwo.format(mbps) : integer.format(mbps)} Mbps`;
}

export function formatCount(n: number): string {
  return Number.isInteger(n) ? integer.format(n) : upToThree.format(n);
}

export function formatNumber(n: number): string {
  return upToThree.format(n);
}

export function formatGB(gb: number): string {
  return `${gb < 100 ? upToTwo.format(gb) : integer.format(gb)} GB`;
}

export function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(2) : Math.round(seconds).toString()} s`;
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "2026-11-22T04:52:40.622Z" → "2026-11-22 04:52 UTC"; anything else as given. */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** A transaction rate: "30/s", "0.05/s", or per hour or day when it is below 0.01 per second ("1/day"). */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '—';
  if (perSecond === 0 || perSecond >= 0.01) return `${upToThree.format(perSecond)}/s`;
  if (perSecond * 3600 >= 0.1) return `${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 }).format(perSecond * 3600)}/h`;
  return `${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 }).format(perSecond * 86400)}/day`;
}
