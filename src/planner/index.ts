/** The planning core's public surface: pure functions over plain data, used by the worker, the CLI and the tests. */
export * from './scenario/schema';
export { parseScenario, parseScenarioJson, formatPath, allowedSitesOf, type ParseResult, type ValidationIssue } from './scenario/validate';
export { migrateToCurrent, MIGRATIONS, type Migration } from './scenario/migrate';
export { evaluatePlacement, statusQuoPlacement, type Placement, type CostBreakdown, type Violation, type PlacementEvaluation } from './evaluate/evaluatePlacement';
export { planPlacement, DEFAULT_PLAN_SETTINGS, type PlacementPlan, type PlanSettings, type SolveProgress, type PlanStatus } from './placement/planPlacement';
export { buildWholePlacementModel } from './placement/wholePlacement';
export { toCplexLp, loadGlpk, modelSize, type GLPK, type ModelSize } from './solver/glpk';
