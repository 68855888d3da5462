import { beforeAll, describe, expect, it } from 'vitest';
import GLPK from 'glpk.js/node';
import { elasticCopy, loadGlpk, parseMipProgress, solveModel, type GLPK as Glpk, type LinearModel } from './glpk';

let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK);
});

describe('GLPK progress lines', () => {
  it('reads incumbent, bound and gap', () => {
    expect(parseMipProgress('+   152: mip =   4.857390000e+03 >=   4.801000000e+03   1.2% (12; 3)')).toEqual({ incumbent: 4857.39, bound: 4801, gapPercent: 1.2 });
  });
  it('reads the line GLPK prints on a new incumbent', () => {
    expect(parseMipProgress('+  1624: >>>>>   5.300000000e+04 >=   5.280000000e+04   0.5% (12; 3)')).toEqual({ incumbent: 53000, bound: 52800, gapPercent: 0.5 });
  });
  it('reads a line before the first incumbent', () => {
    expect(parseMipProgress('+     0: mip =     not found yet >=              -inf        (1; 0)')).toEqual({});
  });
  it('reads the closing line', () => {
    expect(parseMipProgress('+     3: mip =   1.058123600e+03 >=     tree is empty   0.0% (0; 3)')).toEqual({ incumbent: 1058.1236, gapPercent: 0 });
  });
  it('ignores other lines', () => {
    expect(parseMipProgress('*     0: obj =   7.422600000e+02 inf =   0.000e+00 (0)')).toBeUndefined();
  });
});

describe('elastic copy', () => {
  // min x + y  s.t.  x + y >= 10 (demand), x <= 3 (cap_a), y <= 4 (cap_b): infeasible by 3 units.
  const model: LinearModel = {
    name: 'toy',
    sense: 'min',
    objective: [{ name: 'x', coef: 1 }, { name: 'y', coef: 1 }],
    rows: [
      { name: 'demand', terms: [{ name: 'x', coef: 1 }, { name: 'y', coef: 1 }], sense: '>=', rhs: 10 },
      { name: 'cap_a', terms: [{ name: 'x', coef: 1 }], sense: '<=', rhs: 3 },
      { name: 'cap_b', terms: [{ name: 'y', coef: 1 }], sense: '<=', rhs: 4 },
    ],
    columns: [
      { name: 'x', lb: 0, ub: Infinity, kind: 'continuous' },
      { name: 'y', lb: 0, ub: Infinity, kind: 'continuous' },
    ],
  };
  it('the original is infeasible', () => {
    expect(solveModel(glpk, model).status).toBe('infeasible');
  });
  it('says the cheaper capacity must give by exactly the shortfall', () => {
    const { model: elastic, slackOf } = elasticCopy(model, { cap_a: 1, cap_b: 5 });
    const outcome = solveModel(glpk, elastic);
    expect(outcome.status).toBe('optimal');
    expect(outcome.values[slackOf.get('cap_a')!]).toBeCloseTo(3, 9);
    expect(outcome.values[slackOf.get('cap_b')!] ?? 0).toBeCloseTo(0, 9);
  });
});
