/**
 * TEMPORARY (editor-ui branch): a thin stand-in with the agreed signatures so the
 * editor compiles. The real module is written in another branch and replaces this
 * file at merge.
 */
export interface OnPremCostInput {
  purchaseUSD: number;
  lifetimeMonths: number;
  powerWatts: number;
  pue: number;
  powerPricePerKWhUSD: number;
  rackUnits: number;
  spacePerRackUnitMonthUSD: number;
  opsPerServerMonthUSD: number;
  hoursPerMonth?: number;
}

export interface OnPremCost {
  hardwareUSD: number;
  powerUSD: number;
  spaceUSD: number;
  operationsUSD: number;
  totalUSD: number;
}

export function onPremServerMonthlyCost(input: OnPremCostInput): OnPremCost {
  const hours = input.hoursPerMonth ?? 730;
  const hardwareUSD = input.purchaseUSD / input.lifetimeMonths;
  const powerUSD = (input.powerWatts / 1000) * input.pue * hours * input.powerPricePerKWhUSD;
  const spaceUSD = input.rackUnits * input.spacePerRackUnitMonthUSD;
  const operationsUSD = input.opsPerServerMonthUSD;
  return { hardwareUSD, powerUSD, spaceUSD, operationsUSD, totalUSD: hardwareUSD + powerUSD + spaceUSD + operationsUSD };
}

export function checkOnPremCostInput(input: OnPremCostInput): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const check = (field: keyof OnPremCostInput, ok: (v: number) => boolean, rule: string) => {
    const v = input[field];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) problems.push({ field, message: `${field} must be ${rule}, got ${String(v)}` });
  };
  check('purchaseUSD', (v) => v >= 0, 'a number ≥ 0');
  check('lifetimeMonths', (v) => v > 0, 'a number > 0');
  check('powerWatts', (v) => v >= 0, 'a number ≥ 0');
  check('pue', (v) => v >= 1, 'a number ≥ 1');
  check('powerPricePerKWhUSD', (v) => v >= 0, 'a number ≥ 0');
  check('rackUnits', (v) => v >= 0, 'a number ≥ 0');
  check('spacePerRackUnitMonthUSD', (v) => v >= 0, 'a number ≥ 0');
  check('opsPerServerMonthUSD', (v) => v >= 0, 'a number ≥ 0');
  check('hoursPerMonth', (v) => v > 0, 'a number > 0');
  return problems;
}
