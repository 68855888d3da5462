/**
 * What one on-premise server costs per month, from the figures an
 * infrastructure team knows: its purchase price and lifetime, its power draw,
 * the facility's PUE and power price, the rack space it takes and the
 * operations effort per server. The total is the `priceUSD` of a server class
 * billed per month at an on-premise site.
 *
 *   hardware   = purchaseUSD / lifetimeMonths                      (straight-line amortisation, no interest)
 *   power      = powerWatts / 1000 × pue × hoursPerMonth × powerPricePerKWhUSD
 *   space      = rackUnits × spacePerRackUnitMonthUSD
 *   operations = opsPerServerMonthUSD
 *
 * Amounts are not rounded; format them for display.
 */

export interface OnPremCostInput {
  /** Purchase price of the server, including its share of network and storage gear if wanted. */
  purchaseUSD: number;
  /** Months over which the purchase is written off, e.g. 60 for five years. */
  lifetimeMonths: number;
  /** Average electrical draw of the server in watts (not the nameplate maximum). */
  powerWatts: number;
  /** Power usage effectiveness of the facility: total facility power ÷ IT power, ≥ 1 (typically 1.2–1.8). */
  pue: number;
  powerPricePerKWhUSD: number;
  rackUnits: number;
  /** Rent of one rack unit per month (colocation price, or the own facility's cost per U). */
  spacePerRackUnitMonthUSD: number;
  /** Operations staff, support contracts and licences per server and month. */
  opsPerServerMonthUSD: number;
  /** Hours in a billing month; default 730 (365 × 24 / 12), as in the scenario's pricing. */
  hoursPerMonth?: number;
}

export interface OnPremCostBreakdown {
  hardwareUSD: number;
  powerUSD: number;
  spaceUSD: number;
  operationsUSD: number;
  totalUSD: number;
}

export const DEFAULT_HOURS_PER_MONTH = 730;

export interface OnPremCostIssue {
  field: keyof OnPremCostInput;
  message: string;
}

type Rule = { field: keyof OnPremCostInput; ok: (v: number) => boolean; must: string };

const RULES: readonly Rule[] = [
  { field: 'purchaseUSD', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'lifetimeMonths', ok: (v) => Number.isInteger(v) && v >= 1, must: 'a whole number ≥ 1' },
  { field: 'powerWatts', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'pue', ok: (v) => v >= 1, must: 'a number ≥ 1 (facility power ÷ IT power)' },
  { field: 'powerPricePerKWhUSD', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'rackUnits', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'spacePerRackUnitMonthUSD', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'opsPerServerMonthUSD', ok: (v) => v >= 0, must: 'a number ≥ 0' },
  { field: 'hoursPerMonth', ok: (v) => v > 0 && v <= 744, must: 'a number > 0 and ≤ 744 (31 days)' },
];

/** Every problem with the input, one message per field, in field order; empty when it is usable. */
export function checkOnPremCostInput(input: OnPremCostInput): OnPremCostIssue[] {
  const issues: OnPremCostIssue[] = [];
  for (const rule of RULES) {
    const value: unknown = input[rule.field];
    if (rule.field === 'hoursPerMonth' && value === undefined) continue;
    const usable = typeof value === 'number' && Number.isFinite(value) && rule.ok(value);
    if (!usable) issues.push({ field: rule.field, message: `${rule.field} must be ${rule.must}, got ${describe(value)}` });
  }
  return issues;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The monthly cost of one server, by part. Throws a RangeError listing every problem when the input is not usable. */
export function onPremServerMonthlyCost(input: OnPremCostInput): OnPremCostBreakdown {
  const issues = checkOnPremCostInput(input);
  if (issues.length > 0) throw new RangeError(issues.map((i) => i.message).join('; '));
  const hours = input.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
  const hardwareUSD = input.purchaseUSD / input.lifetimeMonths;
  const powerUSD = (input.powerWatts / 1000) * input.pue * hours * input.powerPricePerKWhUSD;
  const spaceUSD = input.rackUnits * input.spacePerRackUnitMonthUSD;
  const operationsUSD = input.opsPerServerMonthUSD;
  return { hardwareUSD, powerUSD, spaceUSD, operationsUSD, totalUSD: hardwareUSD + powerUSD + spaceUSD + operationsUSD };
}
