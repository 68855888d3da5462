/** The planning core's public surface: pure functions over plain data, used by the worker, the CLI and the tests. */
export * from './scenario/schema';
export { parseScenario, parseScenarioJson, formatPath, allowedSitesOf, type ParseResult, type ValidationIssue } from './scenario/validate';
export { migrateToCurrent, MIGRATIONS, type Migration } from './scenario/migrate';
export { planLayout, DEFAULT_LAYOUT_PLAN_SETTINGS, type LayoutPlan, type LayoutPlanSettings, type PlanSettings, type SolveProgress } from './placement/planLayout';
export { computeBaselines, type Baselines } from './placement/baselines';
export { toCplexLp, loadGlpk, modelSize, type GLPK, type ModelSize } from './solver/glpk';
export { greatCircleKm, estimateRoundTrip, estimateLinkLatency, estimateUserLatency, LATENCY_MODEL, type GeoPoint, type LatencyPathKind } from './geo/latencyEstimate';
export { onPremServerMonthlyCost, checkOnPremCostInput, DEFAULT_HOURS_PER_MONTH, type OnPremCostInput, type OnPremCostBreakdown, type OnPremCostIssue } from './pricing/onPremCost';
export { PRICE_CATALOG, siteFromPreset, regionPresetById, pricingSourcesFor, type PriceCatalog, type RegionPreset, type RegionServerPrice, type ServerClassPreset, type ProviderPreset, type ProviderId } from './pricing/presets';
export { importTrafficCsv, type TrafficImportOptions, type TrafficImportResult } from './import/trafficCsv';
export { importDemandCsv, demandToCsv, type DemandImportOptions, type DemandImportResult } from './import/demandCsv';
export type { RowError } from './import/csvTable';
