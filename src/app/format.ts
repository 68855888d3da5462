/** Display formatting shared by every component: money in USD, plain numbers, percentages. */

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
/** Unit prices (per hour, per GB) are often fractions of a cent; keep up to four decimals for them. */
const unitPrice = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A monthly amount: always USD with two decimals, e.g. "$1,234.50". */
export function formatMoney(usd: number): string {
  return money.format(usd);
}

/** A list price such as $0.0225 per GB. */
export function formatUnitPrice(usd: number): string {
  return unitPrice.format(usd);
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

export function formatNumber(n: number): string {
  return decimal.format(n);
}

/** A ratio (0.125) as "12.5%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

export function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds).toString()} s`;
}

/** The longest slug: with a suffix such as `-report.html` a file name stays far below every file system's 255. */
const MAX_SLUG_LENGTH = 80;

/**
 * A file-name-safe slug of a scenario name: lower-case ASCII letters, digits and
 * single hyphens ("Café Müller / Q3" → "cafe-muller-q3"), at most 80 characters,
 * "scenario" when nothing is left. Nothing in it can climb out of a folder, hide
 * a file or be read as an option.
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    // Accents are separate marks after NFKD: drop them so "ü" stays a letter ("u").
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

/** Milliseconds with one decimal: "12.5 ms". */
export function formatMs(ms: number): string {
  return `${ms.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
}

/** A proven relative gap (0.0012) as "0.12%", or "gap unknown" when the solver could not prove one. */
export function formatGap(gap: number): string {
  return Number.isFinite(gap) ? `${Number((gap * 100).toPrecision(3))}%` : 'gap unknown';
}
