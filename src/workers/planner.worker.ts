/**
 * The planner in a Web Worker: a thin Comlink boundary that only calls the core.
 * GLPK's Node build is used on purpose: it runs synchronously inside this worker,
 * whereas the browser build would start yet another worker of its own.
 */
import * as Comlink from 'comlink';
import GLPK from 'glpk.js/node';
import {
  parseScenario,
  planPlacement,
  buildWholePlacementModel,
  toCplexLp,
  loadGlpk,
  type PlacementPlan,
  type PlanSettings,
  type SolveProgress,
  type ValidationIssue,
} from '../planner';

export type Reply<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const glpkReady = loadGlpk(GLPK);

const api = {
  validate(input: unknown) {
    return parseScenario(input);
  },
  async solvePlacement(input: unknown, settings: PlanSettings, onProgress?: (p: SolveProgress) => void): Promise<Reply<PlacementPlan>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    const glpk = await glpkReady;
    return { ok: true, value: planPlacement(parsed.scenario, glpk, settings, onProgress) };
  },
  async exportLp(input: unknown): Promise<Reply<string>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    return { ok: true, value: toCplexLp(await glpkReady, buildWholePlacementModel(parsed.scenario).model) };
  },
};

export type PlannerApi = typeof api;

Comlink.expose(api);
