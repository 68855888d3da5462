import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DemandSchema, type Demand } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { sampleById } from '../samples';
import { demandToCsv, importDemandCsv } from './demandCsv';

const apps = { applicationIds: ['shop', 'erp'] };

function expectOk(result: ReturnType<typeof importDemandCsv>) {
  if (!result.ok) throw new Error(`expected ok, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}
function expectErrors(result: ReturnType<typeof importDemandCsv>) {
  if (result.ok) throw new Error('expected errors, got ok');
  return result.errors;
}
const csv = (...lines: string[]) => ['timestamp,application,demand', ...lines].join('\n') + '\n';

describe('importDemandCsv', () => {
  it('builds hourly profiles from rows in any order, profiles in the order of the application ids', () => {
    const text = csv(
      '2024-11-25T07:00:00Z,shop,140',
      '2024-11-25T05:00:00Z,erp,10',
      '2024-11-25T05:00:00Z,shop,100',
      '2024-11-25T06:00:00Z,shop,120.5',
      '2024-11-25T07:00:00Z,erp,30',
      '2024-11-25T06:00:00Z,erp,20',
    );
    const result = expectOk(importDemandCsv(text, apps));
    expect(result.demand).toEqual({
      periodMinutes: 60,
      start: '2024-11-25T05:00:00Z',
      unit: 'requests/s',
      profiles: [
        { application: 'shop', values: [100, 120.5, 140] },
        { application: 'erp', values: [10, 20, 30] },
      ],
    });
    expect(result.warnings).toEqual([]);
    expect(DemandSchema.safeParse(result.demand).success).toBe(true);
  });

  it('infers 15-minute periods, keeps the unit, and warns about applications without rows', () => {
    const text = csv('2024-03-01T10:00:00+01:00,shop,1', '2024-03-01T10:15:00+01:00,shop,2', '2024-03-01T10:30:00+01:00,shop,3');
    const result = expectOk(importDemandCsv(text, { ...apps, unit: 'orders/min' }));
    expect(result.demand).toMatchObject({ periodMinutes: 15, start: '2024-03-01T10:00:00+01:00', unit: 'orders/min' });
    expect(result.demand.profiles).toEqual([{ application: 'shop', values: [1, 2, 3] }]);
    expect(result.warnings).toEqual(['no rows for application “erp”; it gets no demand profile']);
  });

  it('compares instants, so a change of offset at daylight saving time is not a gap', () => {
    // 01:00+01:00 = 00:00Z, 03:00+02:00 = 01:00Z: one hour apart.
    const result = expectOk(importDemandCsv(csv('2024-03-31T01:00:00+01:00,shop,5', '2024-03-31T03:00:00+02:00,shop,6'), apps));
    expect(result.demand.periodMinutes).toBe(60);
    expect(result.demand.profiles[0]!.values).toEqual([5, 6]);
  });

  it('accepts aliases, semicolons and a byte-order mark', () => {
    const text = '\uFEFFTime;App;Value\n2024-11-25T05:00:00Z;shop;1\n2024-11-25T06:00:00Z;shop;2\n';
    expect(expectOk(importDemandCsv(text, apps)).demand.profiles).toEqual([{ application: 'shop', values: [1, 2] }]);
  });

  it('reads the seasonal sample back from its own CSV', () => {
    const parsed = parseScenario(sampleById('seasonal')!.document);
    if (!parsed.ok) throw new Error('seasonal sample does not parse');
    const demand = parsed.scenario.demand!;
    const text = demandToCsv(demand);
    expect(text.split('\n')[1]).toBe(`2024-11-25T05:00:00Z,${demand.profiles[0]!.application},${demand.profiles[0]!.values[0]}`);
    const result = expectOk(importDemandCsv(text, { applicationIds: parsed.scenario.applications.map((a) => a.id), unit: demand.unit }));
    expect(result.demand).toEqual(demand);
  });

  it('uses a given period for a file with a single timestamp, and asks for one otherwise', () => {
    const one = csv('2024-11-25T05:00:00Z,shop,7');
    expect(expectOk(importDemandCsv(one, { ...apps, periodMinutes: 60 })).demand).toMatchObject({ periodMinutes: 60, profiles: [{ application: 'shop', values: [7] }] });
    expect(expectErrors(importDemandCsv(one, apps))).toEqual([
      { row: 2, message: 'every row has the same timestamp 2024-11-25T05:00:00Z, so the period length cannot be inferred; give the period in minutes' },
    ]);
  });
});

describe('importDemandCsv errors name their rows', () => {
  it('refuses a timestamp without a time zone or not ISO 8601', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25 06:00,shop,2', '25/11/2024 07:00Z,shop,3'), apps));
    expect(errors).toEqual([
      { row: 3, message: 'row 3: timestamp “2024-11-25 06:00” must be an ISO 8601 date and time with a time zone, like 2026-11-23T00:00:00Z' },
      { row: 4, message: 'row 4: timestamp “25/11/2024 07:00Z” must be an ISO 8601 date and time with a time zone, like 2026-11-23T00:00:00Z' },
    ]);
  });

  it('names a gap with the rows around it and the periods missing', () => {
    const errors = expectErrors(
      importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T06:00:00Z,shop,1', '2024-11-25T07:00:00Z,shop,1', '2024-11-25T10:00:00Z,shop,1'), apps),
    );
    expect(errors).toEqual([{ row: 4, message: 'rows 4 and 5: a gap between 2024-11-25T07:00:00Z and 2024-11-25T10:00:00Z: 2 periods of 60 minutes missing' }]);
  });

  it('names an irregular step', () => {
    const errors = expectErrors(
      importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T06:00:00Z,shop,1', '2024-11-25T06:45:00Z,shop,1', '2024-11-25T07:45:00Z,shop,1'), apps),
    );
    expect(errors).toEqual([
      { row: 3, message: 'rows 3 and 4: 2024-11-25T06:00:00Z and 2024-11-25T06:45:00Z are 45 minutes apart, but the period is 60 minutes (the most common step); timestamps must be evenly spaced' },
    ]);
  });

  it('refuses steps that are not whole minutes', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T05:00:30Z,shop,1'), apps));
    expect(errors[0]!.message).toBe('rows 2 and 3: timestamps are 30 seconds apart; periods must be whole minutes');
  });

  it('checks steps against a given period', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T05:30:00Z,shop,1'), { ...apps, periodMinutes: 60 }));
    expect(errors[0]!.message).toMatch(/are 30 minutes apart, but the period is 60 minutes \(the period given\)/);
  });

  it('names missing (timestamp, application) pairs', () => {
    const errors = expectErrors(
      importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T05:00:00Z,erp,1', '2024-11-25T06:00:00Z,shop,1', '2024-11-25T07:00:00Z,shop,1', '2024-11-25T07:00:00Z,erp,1'), apps),
    );
    expect(errors).toEqual([
      { row: 4, message: 'application “erp” has no value for 2024-11-25T06:00:00Z, the time of row 4; every application needs a value in every period' },
    ]);
  });

  it('names duplicate (timestamp, application) pairs, even written in another offset', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T06:00:00Z,shop,1', '2024-11-25T07:00:00+01:00,shop,2'), apps));
    expect(errors).toEqual([{ row: 3, message: 'rows 3 and 4: application “shop” has 2 values for 2024-11-25T06:00:00Z; give one value per period' }]);
  });

  it('lists the known applications for an unknown one', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,1', '2024-11-25T06:00:00Z,Shop,1'), apps));
    expect(errors).toEqual([{ row: 3, message: 'row 3: unknown application “Shop”; known: shop, erp' }]);
  });

  it('refuses negative and non-numeric demand', () => {
    const errors = expectErrors(importDemandCsv(csv('2024-11-25T05:00:00Z,shop,-1', '2024-11-25T06:00:00Z,shop,lots', '2024-11-25T07:00:00Z,shop,'), apps));
    expect(errors.map((e) => e.message)).toEqual([
      'row 2: demand must be a number ≥ 0, got -1',
      'row 3: demand must be a plain number ≥ 0 (digits, optional decimal point, no units or thousands separators), got “lots”',
      'row 4: demand is empty; it must be a number ≥ 0',
    ]);
  });

  it('reports missing columns, an empty file and a header-only file', () => {
    expect(expectErrors(importDemandCsv('timestamp,app\n2024-11-25T05:00:00Z,shop\n', apps))[0]!.message).toBe(
      'row 1: the header has no “demand” column; expected timestamp,application,demand, found “timestamp”, “app”',
    );
    expect(expectErrors(importDemandCsv('  \n', apps))).toEqual([
      { row: 0, message: 'the file is empty; expected a header row (timestamp,application,demand) and one row per period and application' },
    ]);
    expect(expectErrors(importDemandCsv('timestamp,application,demand\n', apps))).toEqual([
      { row: 1, message: 'the file has only a header row; expected one row per period and application below it' },
    ]);
  });

  it('caps missing-value messages and says how many there are in all', () => {
    // 30 hours of "shop", one hour of "erp": erp misses 29 values, 20 are listed.
    const hourly = Array.from({ length: 30 }, (_, h) => new Date(Date.UTC(2024, 10, 25, h)).toISOString().replace('.000Z', 'Z'));
    const text = csv(...hourly.map((t) => `${t},shop,1`), `${hourly[0]},erp,1`);
    const errors = expectErrors(importDemandCsv(text, apps));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toEqual({ row: 0, message: '… and 9 more missing values (29 in all)' });
  });
});

describe('demandToCsv ↔ importDemandCsv round trip', () => {
  const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,11}$/);
  const zone = fc.oneof(
    fc.constant('Z'),
    fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45)).map(
      ([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    ),
  );
  const start = fc
    .tuple(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), zone)
    .map(([ms, z]) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', z));
  const demandWith = (minPeriods: number) =>
    fc
      .record({
        periodMinutes: fc.integer({ min: 1, max: 7 * 24 * 60 }),
        start,
        unit: fc.constantFrom('requests/s', 'orders/min', 'users'),
        periods: fc.integer({ min: minPeriods, max: 30 }),
        apps: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      })
      .chain(({ periods, apps, ...rest }) =>
        fc
          .tuple(...apps.map(() => fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }).map(Math.abs), { minLength: periods, maxLength: periods })))
          .map((series): Demand => ({ ...rest, profiles: apps.map((application, i) => ({ application, values: series[i]! })) })),
      );

  it('gives back the same demand, inferring the period (≥ 2 periods)', () => {
    fc.assert(
      fc.property(demandWith(2), (demand) => {
        const result = importDemandCsv(demandToCsv(demand), { applicationIds: demand.profiles.map((p) => p.application), unit: demand.unit });
        expect(result).toEqual({ ok: true, demand, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('gives back the same demand when the period is given (any length), in shuffled row order', () => {
    fc.assert(
      fc.property(demandWith(1), fc.integer(), (demand, seed) => {
        const [header, ...rows] = demandToCsv(demand).trim().split('\n');
        const shuffled = rows.map((r, i) => ({ r, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const result = importDemandCsv([header, ...shuffled].join('\n'), {
          applicationIds: demand.profiles.map((p) => p.application),
          unit: demand.unit,
          periodMinutes: demand.periodMinutes,
        });
        expect(result).toEqual({ ok: true, demand, warnings: [] });
      }),
      { numRuns: 100 },
    );
  });
});
