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
    msglev: options.onLog ? glpk.GLP_MSG_ON : glpk.GLP_MSG_ERR,
    presol: true,
    ...(options.timeLimitSeconds !== undefined ? { tmlim: options.timeLimitSeconds } : {}),
    ...(options.mipGap !== undefined ? { mipgap: options.mipGap } : {}),
  };
  let result: Result;
  activeLogListener = options.onLog ?? null;
  try {
    result = glpk.solve(lp, glpkOptions);
  } finally {
    activeLogListener = null;
  }
  const status = statusOf(glpk, result.result.status);
  return {
    status,
    objective: status === 'optimal' || status === 'feasible' ? result.result.z : NaN,
    values: result.result.vars,
    seconds: (performance.now() - started) / 1000,
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
