import { describe, it, expect } from 'vitest';
import { checkOnPremCostInput, onPremServerMonthlyCost, type OnPremCostInput } from './onPremCost';

/**
 * A dedicated database server like the webshop sample's (16 cores, 128 GB):
 *   hardware   = $12,000 / 60 months                    = $200.00
 *   power      = 350 W = 0.35 kW × PUE 1.5 × 730 h       = 383.25 kWh × $0.12 = $45.99
 *   space      = 2 U × $15                               = $30.00
 *   operations                                           = $45.00
 *   total                                                = $320.99 per server-month
 */
const dbServer: OnPremCostInput = {
  purchaseUSD: 12_000,
  lifetimeMonths: 60,
  powerWatts: 350,
  pue: 1.5,
  powerPricePerKWhUSD: 0.12,
  rackUnits: 2,
  spacePerRackUnitMonthUSD: 15,
  opsPerServerMonthUSD: 45,
};

describe('onPremServerMonthlyCost', () => {
  it('matches the hand-computed example', () => {
    const cost = onPremServerMonthlyCost(dbServer);
    expect(cost.hardwareUSD).toBeCloseTo(200, 10);
    expect(cost.powerUSD).toBeCloseTo(45.99, 10);
    expect(cost.spaceUSD).toBeCloseTo(30, 10);
    expect(cost.operationsUSD).toBeCloseTo(45, 10);
    expect(cost.totalUSD).toBeCloseTo(320.99, 10);
  });

  it('the total is the sum of its parts', () => {
    const c = onPremServerMonthlyCost({ ...dbServer, purchaseUSD: 7_777, powerWatts: 123 });
    expect(c.totalUSD).toBeCloseTo(c.hardwareUSD + c.powerUSD + c.spaceUSD + c.operationsUSD, 10);
  });

  it('each field moves exactly its own part', () => {
    const base = onPremServerMonthlyCost(dbServer);
    const changed = (patch: Partial<OnPremCostInput>) => onPremServerMonthlyCost({ ...dbServer, ...patch });
    // Doubling the purchase doubles hardware only: +$200.
    expect(changed({ purchaseUSD: 24_000 })).toMatchObject({ hardwareUSD: 400, powerUSD: base.powerUSD, spaceUSD: 30, operationsUSD: 45 });
    // Twice the lifetime halves hardware: $100.
    expect(changed({ lifetimeMonths: 120 }).hardwareUSD).toBeCloseTo(100, 10);
    // Power scales with watts, PUE, hours and price: 700 W → $91.98; PUE 1.2 → $36.792; 720 h → $45.36; $0.24 → $91.98.
    expect(changed({ powerWatts: 700 }).powerUSD).toBeCloseTo(91.98, 10);
    expect(changed({ pue: 1.2 }).powerUSD).toBeCloseTo(36.792, 10);
    expect(changed({ hoursPerMonth: 720 }).powerUSD).toBeCloseTo(45.36, 10);
    expect(changed({ powerPricePerKWhUSD: 0.24 }).powerUSD).toBeCloseTo(91.98, 10);
    // Space: 4 U × $15 = $60; 2 U × $25 = $50.
    expect(changed({ rackUnits: 4 }).spaceUSD).toBe(60);
    expect(changed({ spacePerRackUnitMonthUSD: 25 }).spaceUSD).toBe(50);
    // Operations pass straight through.
    expect(changed({ opsPerServerMonthUSD: 80 })).toMatchObject({ operationsUSD: 80, hardwareUSD: 200, spaceUSD: 30 });
    expect(changed({ opsPerServerMonthUSD: 80 }).totalUSD).toBeCloseTo(base.totalUSD + 35, 10);
  });

  it('hoursPerMonth defaults to 730', () => {
    expect(onPremServerMonthlyCost({ ...dbServer, hoursPerMonth: 730 })).toEqual(onPremServerMonthlyCost(dbServer));
  });

  it('throws with every problem when the input is not usable', () => {
    expect(() => onPremServerMonthlyCost({ ...dbServer, lifetimeMonths: 0, pue: 0.9 })).toThrow(
      'lifetimeMonths must be a whole number ≥ 1, got 0; pue must be a number ≥ 1 (facility power ÷ IT power), got 0.9',
    );
  });
});

describe('checkOnPremCostInput', () => {
  it('accepts the example, with and without hoursPerMonth', () => {
    expect(checkOnPremCostInput(dbServer)).toEqual([]);
    expect(checkOnPremCostInput({ ...dbServer, hoursPerMonth: 744 })).toEqual([]);
  });

  it('names the field and the value for each problem', () => {
    expect(checkOnPremCostInput({ ...dbServer, lifetimeMonths: 0 })).toEqual([{ field: 'lifetimeMonths', message: 'lifetimeMonths must be a whole number ≥ 1, got 0' }]);
    expect(checkOnPremCostInput({ ...dbServer, lifetimeMonths: 36.5 })).toEqual([{ field: 'lifetimeMonths', message: 'lifetimeMonths must be a whole number ≥ 1, got 36.5' }]);
    expect(checkOnPremCostInput({ ...dbServer, purchaseUSD: -1 })).toEqual([{ field: 'purchaseUSD', message: 'purchaseUSD must be a number ≥ 0, got -1' }]);
    expect(checkOnPremCostInput({ ...dbServer, powerWatts: Number.NaN })).toEqual([{ field: 'powerWatts', message: 'powerWatts must be a number ≥ 0, got NaN' }]);
    expect(checkOnPremCostInput({ ...dbServer, hoursPerMonth: 0 })).toEqual([{ field: 'hoursPerMonth', message: 'hoursPerMonth must be a number > 0 and ≤ 744 (31 days), got 0' }]);
  });

  it('reports every bad field, in field order, including values that are not numbers', () => {
    const bad = {
      purchaseUSD: '12000',
      lifetimeMonths: 60,
      powerWatts: -5,
      pue: 1,
      powerPricePerKWhUSD: Infinity,
      rackUnits: -1,
      spacePerRackUnitMonthUSD: -2,
      opsPerServerMonthUSD: undefined,
    } as unknown as OnPremCostInput;
    expect(checkOnPremCostInput(bad)).toEqual([
      { field: 'purchaseUSD', message: 'purchaseUSD must be a number ≥ 0, got "12000"' },
      { field: 'powerWatts', message: 'powerWatts must be a number ≥ 0, got -5' },
      { field: 'powerPricePerKWhUSD', message: 'powerPricePerKWhUSD must be a number ≥ 0, got Infinity' },
      { field: 'rackUnits', message: 'rackUnits must be a number ≥ 0, got -1' },
      { field: 'spacePerRackUnitMonthUSD', message: 'spacePerRackUnitMonthUSD must be a number ≥ 0, got -2' },
      { field: 'opsPerServerMonthUSD', message: 'opsPerServerMonthUSD must be a number ≥ 0, got nothing' },
    ]);
  });
});
