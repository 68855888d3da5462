/**
 * Decomposition by application. Applications interact only through shared
 * resources: site capacity (rows `cap_…`) and link bandwidth (rows `bw#…`).
 * Blocks of applications that call each other or share a co-location group are
 * solved together; independent blocks are solved on their own, which is where
 * a single monolithic model stalls (no incumbent in minutes from ~100 components).
 *
 *  1. Solve every block alone. If together they fit every shared resource, the
 *     union is optimal: each block is, and the coupling rows do not bind.
 *  2. Otherwise Lagrangian relaxation: price each shared row (λ ≥ 0) into the
 *     blocks' objectives. For any λ, Σ_b min(cost_b + λ·use_b) − λ·capacity is a
 *     lower bound on the optimum. Every block solution is kept as a column, and
 *     a small master MILP picks one column per block within the capacities: an
 *     upper bound. λ follows subgradient steps (Polyak) until the proven gap
 *     reaches the target or time runs out.
 * The result carries both bounds, so the gap it reports is proven, not guessed.
 */
import type { Scenario } from '../scenario/schema';
import { solveModel, type GLPK, type LinearModel, type Row, type SolveOutcome, type Term } from '../solver/glpk';
import type { Layout } from '../layout/layout';
import { buildLayoutModel, type BuiltLayoutModel, type LayoutModelOptions } from './layoutModel';

export interface DecomposedSolve {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution';
  layout?: Layout;
  /** Model objective of the returned layout (cost per month for the cost objective). */
  upperBound: number;
  lowerBound: number;
  /** (upper − lower) / upper; 0 when proven optimal within the requested gap. */
  gap: number;
  blocks: number;
  iterations: number;
  seconds: number;
  model: { rows: number; columns: number; integerColumns: number };
}

export interface DecomposeSettings {
  timeLimitSeconds: number;
  mipGap: number;
  onProgress?: (p: { incumbent?: number; bound?: number; gapPercent?: number; detail: string }) => void;
  /** Cap on Lagrangian iterations. */
  maxIterations?: number;
}

const isShared = (row: Row) => row.name.startsWith('cap_') || row.name.startsWith('bw#');

/** Groups applications that must be solved together. */
export function applicationBlocks(s: Scenario): string[][] {
  const parent = new Map(s.applications.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const appOf = new Map(s.applications.flatMap((a) => a.components.map((c) => [c.id, a.id])));
  const groupApp = new Map<string, string>();
  for (const app of s.applications) {
    for (const c of app.components) {
      if (!c.colocationGroup) continue;
      const other = groupApp.get(c.colocationGroup);
      if (other) union(other, app.id);
      else groupApp.set(c.colocationGroup, app.id);
    }
    for (const t of app.transactions) {
      union(app.id, appOf.get(t.entryComponent)!);
      for (const e of t.calls) union(appOf.get(e.from)!, appOf.get(e.to)!);
    }
  }
  const blocks = new Map<string, string[]>();
  for (const app of s.applications) blocks.set(find(app.id), [...(blocks.get(find(app.id)) ?? []), app.id]);
  return [...blocks.values()];
}

interface Column {
  layout: Layout;
  cost: number;
  use: Map<string, number>;
}

interface Block {
  built: BuiltLayoutModel;
  shared: Row[];
  columns: Column[];
}

function rowValue(row: Row, values: Record<string, number>): number {
  return row.terms.reduce((sum, t) => sum + t.coef * (values[t.name] ?? 0), 0);
}

function withPrices(model: LinearModel, shared: Row[], prices: Map<string, number>): LinearModel {
  const objective = new Map(model.objective.map((t) => [t.name, t.coef]));
  for (const row of shared) {
    const price = prices.get(row.name) ?? 0;
    if (price === 0) continue;
    for (const t of row.terms) objective.set(t.name, (objective.get(t.name) ?? 0) + price * t.coef);
  }
  return { ...model, objective: [...objective].map(([name, coef]) => ({ name, coef })) };
}

export function solveDecomposed(s: Scenario, glpk: GLPK, options: LayoutModelOptions, settings: DecomposeSettings): DecomposedSolve {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const remaining = () => Math.max(1, settings.timeLimitSeconds - elapsed());
  const groups = applicationBlocks(s);
  const blocks: Block[] = groups.map((appIds) => {
    const sub: Scenario = { ...s, applications: s.applications.filter((a) => appIds.includes(a.id)) };
    const built = buildLayoutModel(sub, options);
    return { built, shared: built.model.rows.filter(isShared), columns: [] };
  });
  const size = blocks.reduce(
    (acc, b) => ({ rows: acc.rows + b.built.model.rows.length, columns: acc.columns + b.built.model.columns.length, integerColumns: acc.integerColumns + b.built.model.columns.filter((c) => c.kind !== 'continuous').length }),
    { rows: 0, columns: 0, integerColumns: 0 },
  );
  const capacity = new Map<string, number>();
  for (const b of blocks) for (const row of b.shared) capacity.set(row.name, row.rhs);
  const costOf = (b: Block, values: Record<string, number>) => b.built.model.objective.reduce((sum, t) => sum + t.coef * (values[t.name] ?? 0), 0);
  const finish = (result: Omit<DecomposedSolve, 'blocks' | 'seconds' | 'model'>): DecomposedSolve => ({ ...result, blocks: blocks.length, seconds: elapsed(), model: size });

  const prices = new Map<string, number>();
  let lowerBound = -Infinity;
  let best: { cost: number; layouts: Layout[] } | undefined;
  const maxIterations = settings.maxIterations ?? 60;
  let iteration = 0;
  let step = 1;

  for (; iteration < maxIterations; iteration++) {
    // Solve every block at the current prices.
    let dual = 0;
    const chosen: Column[] = [];
    for (const b of blocks) {
      const outcome: SolveOutcome = solveModel(glpk, withPrices(b.built.model, b.shared, prices), { timeLimitSeconds: remaining(), mipGap: 0 });
      if (outcome.status === 'infeasible') return finish({ status: 'infeasible', upperBound: Infinity, lowerBound: Infinity, gap: Infinity, iterations: iteration });
      if (outcome.status !== 'optimal') {
        return best
          ? finish({ status: 'feasible', layout: merge(best.layouts), upperBound: best.cost, lowerBound, gap: relativeGap(best.cost, lowerBound), iterations: iteration })
          : finish({ status: 'no-solution', upperBound: Infinity, lowerBound, gap: Infinity, iterations: iteration });
      }
      const use = new Map(b.shared.map((row) => [row.name, rowValue(row, outcome.values)]));
      const column: Column = { layout: b.built.read(outcome.values), cost: costOf(b, outcome.values), use };
      b.columns.push(column);
      chosen.push(column);
      dual += outcome.objective;
    }
    for (const [name, price] of prices) dual -= price * capacity.get(name)!;
    lowerBound = Math.max(lowerBound, dual);
    if (iteration === 0) addFrugalColumns(glpk, blocks, capacity, costOf, remaining);

    // The blocks' own choices may already fit together.
    const total = new Map<string, number>();
    for (const c of chosen) for (const [name, v] of c.use) total.set(name, (total.get(name) ?? 0) + v);
    const fits = [...total].every(([name, v]) => v <= capacity.get(name)! + 1e-6);
    if (fits) {
      const cost = chosen.reduce((sum, c) => sum + c.cost, 0);
      if (!best || cost < best.cost) best = { cost, layouts: chosen.map((c) => c.layout) };
    }
    if (!fits || iteration > 0) {
      const master = solveMaster(glpk, blocks, capacity, remaining());
      if (master && (!best || master.cost < best.cost)) best = master;
    }
    const gap = best ? relativeGap(best.cost, lowerBound) : Infinity;
    settings.onProgress?.({ ...(best ? { incumbent: best.cost } : {}), bound: lowerBound, gapPercent: gap * 100, detail: `decomposition: ${blocks.length} blocks, round ${iteration + 1}` });
    if (best && gap <= settings.mipGap + 1e-9) return finish({ status: 'optimal', layout: merge(best.layouts), upperBound: best.cost, lowerBound, gap, iterations: iteration + 1 });
    if (elapsed() >= settings.timeLimitSeconds) break;

    // Subgradient step on the shared rows (Polyak step towards the incumbent, or a plain step before one exists).
    // Projected: a row that is slack and unpriced cannot move, so it must not shrink the step either.
    const violation = new Map(
      [...capacity].map(([name, cap]) => {
        const g = (total.get(name) ?? 0) - cap;
        return [name, g < 0 && (prices.get(name) ?? 0) === 0 ? 0 : g] as const;
      }),
    );
    const norm = [...violation.values()].reduce((sum, g) => sum + g * g, 0);
    if (norm === 0) break;
    const target = best ? best.cost : Math.abs(lowerBound) * 1.05 + 1;
    const length = (step * (target - dual)) / norm;
    for (const [name, g] of violation) prices.set(name, Math.max(0, (prices.get(name) ?? 0) + length * g));
    step = Math.max(0.05, step * 0.9);
  }
  if (!best) return finish({ status: 'no-solution', upperBound: Infinity, lowerBound, gap: Infinity, iterations: iteration });
  const gap = relativeGap(best.cost, lowerBound);
  return finish({ status: gap <= settings.mipGap + 1e-9 ? 'optimal' : 'feasible', layout: merge(best.layouts), upperBound: best.cost, lowerBound, gap, iterations: iteration });
}

/**
 * Before any prices are known, give the master a way out: each block solved with
 * its use of capacity-limited rows priced at a month of the dearest server, so it
 * keeps only what cannot leave. Mixing these with the blocks' favourite columns
 * usually fits at once and gives the subgradient steps a real target.
 */
function addFrugalColumns(glpk: GLPK, blocks: Block[], capacity: Map<string, number>, costOf: (b: Block, v: Record<string, number>) => number, remaining: () => number) {
  const dearest = Math.max(1, ...blocks.flatMap((b) => b.built.model.objective.map((t) => Math.abs(t.coef))));
  const prices = new Map([...capacity.keys()].filter((name) => name.startsWith('cap_')).map((name) => [name, dearest]));
  for (const b of blocks) {
    const outcome = solveModel(glpk, withPrices(b.built.model, b.shared, prices), { timeLimitSeconds: remaining(), mipGap: 0 });
    if (outcome.status !== 'optimal' && outcome.status !== 'feasible') continue;
    b.columns.push({ layout: b.built.read(outcome.values), cost: costOf(b, outcome.values), use: new Map(b.shared.map((row) => [row.name, rowValue(row, outcome.values)])) });
  }
}

/** Picks one known column per block so that the blocks together fit every shared row. */
function solveMaster(glpk: GLPK, blocks: Block[], capacity: Map<string, number>, timeLimitSeconds: number): { cost: number; layouts: Layout[] } | undefined {
  const columns: LinearModel['columns'] = [];
  const objective: Term[] = [];
  const rows: Row[] = [];
  const useTerms = new Map<string, Term[]>();
  blocks.forEach((b, i) => {
    const pick: Term[] = [];
    b.columns.forEach((c, k) => {
      const name = `y#${i}#${k}`;
      columns.push({ name, lb: 0, ub: 1, kind: 'binary' });
      objective.push({ name, coef: c.cost });
      pick.push({ name, coef: 1 });
      for (const [row, v] of c.use) if (v !== 0) useTerms.set(row, [...(useTerms.get(row) ?? []), { name, coef: v }]);
    });
    rows.push({ name: `one#${i}`, terms: pick, sense: '=', rhs: 1 });
  });
  for (const [row, terms] of useTerms) rows.push({ name: row, terms, sense: '<=', rhs: capacity.get(row)! });
  const outcome = solveModel(glpk, { name: 'master', sense: 'min', objective, rows, columns }, { timeLimitSeconds, mipGap: 0 });
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return undefined;
  const layouts = blocks.map((b, i) => b.columns[b.columns.findIndex((_, k) => (outcome.values[`y#${i}#${k}`] ?? 0) > 0.5)]!.layout);
  return { cost: outcome.objective, layouts };
}

function relativeGap(upper: number, lower: number): number {
  if (!Number.isFinite(upper) || !Number.isFinite(lower)) return Infinity;
  return Math.max(0, (upper - lower) / Math.max(1e-9, Math.abs(upper)));
}

function merge(layouts: Layout[]): Layout {
  const servers: Layout['servers'] = {};
  const routing: NonNullable<Layout['routing']> = {};
  for (const l of layouts) {
    Object.assign(servers, l.servers);
    Object.assign(routing, l.routing ?? {});
  }
  return { servers, routing };
}
