/**
 * A small linear-model type the planner builds, and its hand-over to glpk.js.
 *
 * The GLPK instance is passed in, never imported here: the worker and the CLI
 * load glpk.js's Node build themselves (the browser build starts a worker of
 * its own and fails under Node), which keeps this core free of loading concerns.
 */
import type { GLPK, LP, Result } from 'glpk.js/node';

export type { GLPK };

export interface Term {
  name: string;
  coef: number;
}

export interface Row {
  name: string;
  terms: Term[];
  /** '<=' / '>=' / '=' against rhs. */
  sense: '<=' | '>=' | '=';
  rhs: number;
}

export interface Column {
  name: string;
  lb: number;
  ub: number;
  kind: 'continuous' | 'binary' | 'integer';
}

export interface LinearModel {
  name: string;
  sense: 'min' | 'max';
  objective: Term[];
  rows: Row[];
  columns: Column[];
}

export interface ModelSize {
  rows: number;
  columns: number;
  integerColumns: number;
  nonZeros: number;
}

export function modelSize(m: LinearModel): ModelSize {
  return {
    rows: m.rows.length,
    columns: m.columns.length,
    integerColumns: m.columns.filter((c) => c.kind !== 'continuous').length,
    nonZeros: m.rows.reduce((n, r) => n + r.terms.length, 0),
  };
}

export interface SolveOptions {
  /** Seconds; the best solution found so far is returned when it runs out. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which to stop, e.g. 0.001 for 0.1%. */
  mipGap?: number;
  /** GLPK log lines (incumbent, bound, gap) as they are printed. */
  onLog?: (line: string) => void;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'no-solution';

export interface SolveOutcome {
  status: SolveStatus;
  objective: number;
  values: Record<string, number>;
  seconds: number;
  /** The last branch-and-bound progress GLPK printed (MIPs only). */
  lastProgress?: MipProgress;
  /** True when GLPK stopped on the MIP gap setting rather than the clock (it reports both as FEAS). */
  stoppedOnGap: boolean;
}

let activeLogListener: ((line: string) => void) | null = null;

/**
 * Loads GLPK with its log routed to the solve that is running. glpk.js binds
 * console.log once, when it is initialised, and a MIP solve has no other
 * progress channel: so the binding must be ours, installed before the factory runs.
 */
export async function loadGlpk(factory: () => Promise<GLPK>): Promise<GLPK> {
  const original = console.log;
  console.log = (...args: unknown[]) => {
    if (activeLogListener) activeLogListener(args.map(String).join(' '));
  };
  try {
    return await factory();
  } finally {
    console.log = original;
  }
}

export function toGlpk(glpk: GLPK, m: LinearModel): LP {
  const bound = (sense: Row['sense'], rhs: number) =>
    sense === '<=' ? { type: glpk.GLP_UP, lb: 0, ub: rhs } : sense === '>=' ? { type: glpk.GLP_LO, lb: rhs, ub: 0 } : { type: glpk.GLP_FX, lb: rhs, ub: rhs };
  return {
    name: m.name,
    objective: { direction: m.sense === 'min' ? glpk.GLP_MIN : glpk.GLP_MAX, name: 'cost', vars: m.objective.map((t) => ({ ...t })) },
    subjectTo: m.rows.map((r) => ({ name: r.name, vars: r.terms.map((t) => ({ ...t })), bnds: bound(r.sense, r.rhs) })),
    bounds: m.columns.map((c) => ({
      name: c.name,
      type: c.ub === Infinity ? glpk.GLP_LO : c.lb === c.ub ? glpk.GLP_FX : glpk.GLP_DB,
      lb: c.lb,
      ub: c.ub === Infinity ? 0 : c.ub,
    })),
    binaries: m.columns.filter((c) => c.kind === 'binary').map((c) => c.name),
    generals: m.columns.filter((c) => c.kind === 'integer').map((c) => c.name),
  };
}

/** The model as CPLEX LP text, for other solvers and for reading. */
export function toCplexLp(glpk: GLPK, m: LinearModel): string {
  return glpk.write(toGlpk(glpk, m));
}

export function solveModel(glpk: GLPK, m: LinearModel, options: SolveOptions = {}): SolveOutcome {
  const started = performance.now();
  const lp = toGlpk(glpk, m);
  const glpkOptions = {
    // Always on: the log is the only place GLPK states its bound and gap.
    msglev: glpk.GLP_MSG_ON,
    presol: true,
    ...(options.timeLimitSeconds !== undefined ? { tmlim: options.timeLimitSeconds } : {}),
    ...(options.mipGap !== undefined ? { mipgap: options.mipGap } : {}),
  };
  let result: Result;
  let lastProgress: MipProgress | undefined;
  activeLogListener = (line) => {
    lastProgress = parseMipProgress(line) ?? lastProgress;
    options.onLog?.(line);
  };
  try {
    result = glpk.solve(lp, glpkOptions);
  } finally {
    activeLogListener = null;
  }
  let status = statusOf(glpk, result.result.status);
  const isLp = m.columns.every((c) => c.kind === 'continuous');
  if (status === 'no-solution' && isLp) {
    // With presolve, an infeasible or unbounded LP comes back UNDEF; without it (safe for LPs) GLPK says which.
    result = glpk.solve(lp, { ...glpkOptions, presol: false });
    status = statusOf(glpk, result.result.status);
  }
  const seconds = (performance.now() - started) / 1000;
  const stoppedOnGap =
    status === 'feasible' && options.mipGap !== undefined && options.mipGap > 0 && (options.timeLimitSeconds === undefined || seconds < options.timeLimitSeconds * 0.98);
  return {
    status,
    objective: status === 'optimal' || status === 'feasible' ? result.result.z : NaN,
    values: result.result.vars,
    seconds,
    ...(lastProgress ? { lastProgress } : {}),
    stoppedOnGap,
  };
}

function statusOf(glpk: GLPK, code: number): SolveStatus {
  switch (code) {
    case glpk.GLP_OPT:
      return 'optimal';
    case glpk.GLP_FEAS:
      return 'feasible';
    case glpk.GLP_NOFEAS:
    case glpk.GLP_INFEAS:
      return 'infeasible';
    case glpk.GLP_UNBND:
      return 'unbounded';
    default:
      return 'no-solution';
  }
}

/** CPLEX LP names allow letters, digits and a few symbols; ids may hold '-' and ':' too. */
export class NameRegistry {
  private readonly used = new Set<string>();
  make(...parts: string[]): string {
    const base = parts.map((p) => p.replace(/[^A-Za-z0-9_.]/g, '_')).join('#').slice(0, 240);
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}~${i}`;
    this.used.add(name);
    return name;
  }
}

export interface MipProgress {
  /** Best integer objective found so far (undefined before the first). */
  incumbent?: number;
  /** Best proven bound. */
  bound?: number;
  /** Relative gap in percent, as GLPK prints it. */
  gapPercent?: number;
}

/**
 * Reads GLPK's branch-and-bound log lines, e.g.
 *   "+   152: mip =   4.857390000e+03 >=   4.801000000e+03   1.2% (12; 3)"
 *   "+     0: mip =     not found yet >=              -inf        (1; 0)"
 */
export function parseMipProgress(line: string): MipProgress | undefined {
  // "mip =" lines come every few seconds; ">>>>>" lines each time a better incumbent is found.
  const m = /(?:mip =|>>>>>)\s+(not found yet|[-+0-9.e]+)\s+>=\s+(tree is empty|-inf|[-+0-9.e]+)\s*(?:(<\s*)?([0-9.]+)%)?/.exec(line);
  if (!m) return undefined;
  const progress: MipProgress = {};
  if (m[1] !== 'not found yet') progress.incumbent = Number(m[1]);
  if (m[2] !== '-inf' && m[2] !== 'tree is empty') progress.bound = Number(m[2]);
  if (m[4] !== undefined) progress.gapPercent = Number(m[4]);
  return progress;
}

/**
 * An elastic copy: every row whose name starts with one of `prefixes` gets a
 * non-negative slack that relaxes it, priced at `penalty[prefix]` per unit, and
 * the original objective is dropped. Its optimum says which constraints must
 * give, and by how much, for the model to become feasible.
 */
export function elasticCopy(m: LinearModel, penalty: Record<string, number>): { model: LinearModel; slackOf: Map<string, string> } {
  const prefixes = Object.keys(penalty);
  const slackOf = new Map<string, string>();
  const columns = [...m.columns];
  const objective: Term[] = [];
  const rows = m.rows.map((row) => {
    const prefix = prefixes.find((p) => row.name.startsWith(p));
    if (!prefix || row.sense === '=') return row;
    const name = `slack#${row.name}`;
    slackOf.set(row.name, name);
    columns.push({ name, lb: 0, ub: Infinity, kind: 'continuous' });
    objective.push({ name, coef: penalty[prefix]! });
    return { ...row, terms: [...row.terms, { name, coef: row.sense === '<=' ? -1 : 1 }] };
  });
  return { model: { ...m, name: `${m.name}_elastic`, objective, rows, columns }, slackOf };
}
