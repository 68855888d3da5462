/** The planning core's public surface: pure functions over plain data, used by the worker, the CLI and the tests. */
export * from './scenario/schema';
export { parseScenario, parseScenarioJson, formatPath, allowedSitesOf, type ParseResult, type ValidationIssue } from './scenario/validate';
export { migrateToCurrent, MIGRATIONS, type Migration } from './scenario/migrate';
export { planLayout, DEFAULT_LAYOUT_PLAN_SETTINGS, type LayoutPlan, type LayoutPlanSettings, type PlanSettings, type SolveProgress } from './placement/planLayout';
export { computeBaselines, type Baselines } from './placement/baselines';
export { toCplexLp, loadGlpk, modelSize, type GLPK, type ModelSize } from './solver/glpk';
