/**
 * The planning report as plain data (issue 6, items 3 and 4). `buildReport`
 * gathers every figure the exports print — HTML, Markdown, CSV and JSON read
 * only this object — and takes each of them from the independent evaluator:
 * `plan.evaluation` and the baselines' evaluations, never the solver's
 * objective. Pure: no DOM, runs in the page, the worker and Node.
 */
import type { Scenario } from '../scenario/schema';
import type { LayoutEvaluation, TransactionDelay } from '../evaluate/evaluateLayout';
import type { LayoutPlan, LayoutPlanSettings } from '../placement/planLayout';
import type { Baseline, Baselines } from '../placement/baselines';
import type { TradeoffPoint } from '../placement/tradeoff';
import type { ModelSize } from '../solver/glpk';

export const REPORT_VERSION = 1;
/** 1 GB is 10⁹ bytes everywhere in Tierwise. */
export const BYTES_PER_GB = 1e9;

export type TradeoffKind = 'meanIncrease' | 'bandwidth';

export interface ReportInput {
  scenario: Scenario;
  plan: LayoutPlan;
  baselines: Baselines;
  tradeoff?: { kind: TradeoffKind; points: TradeoffPoint[] };
  /** ISO 8601 time the report was made (passed in, so the functions stay pure and testable). */
  generatedAt: string;
  /** The bursting timeline, once the bursting planner (issue 5) produces one; see `ReportBursting`. */
  bursting?: ReportBursting;
}

/**
 * Hook for the bursting timeline (issue 5). Nothing in Tierwise computes a
 * bursting plan yet, so `buildReport` never invents one: the section is absent
 * from every export unless a caller passes a timeline in, and then it is
 * printed as given. The shape is provisional; the bursting issue may extend it.
 */
export interface ReportBursting {
  /** Length of one period in minutes (the scenario's `demand.periodMinutes`). */
  periodMinutes: number;
  periods: ReportBurstPeriod[];
  /** Total cost of bursting over the timeline, USD. */
  totalCostUSD: number;
  notes: string[];
}

export interface ReportBurstPeriod {
  /** ISO 8601 start of the period, or a label such as "period 12". */
  start: string;
  /** Servers running away from their home site in this period, by site id. */
  burstServersBySite: Record<string, number>;
  costUSD: number;
}

export interface ReportSite {
  id: string;
  name: string;
  kind: 'onPremise' | 'cloud';
  capacityServers?: number;
  capacityVcpus?: number;
}

export interface ReportPlacement {
  siteId: string;
  siteName: string;
  servers: number;
}

export type ComponentChange = 'unchanged' | 'moved' | 'split';

export interface ReportComponent {
  applicationId: string;
  applicationName: string;
  componentId: string;
  componentName: string;
  servers: number;
  serverClass: string;
  storageGB: number;
  homeSiteId: string;
  homeSiteName: string;
  /** Sites hosting it in the recommended layout, in the scenario's site order. */
  placement: ReportPlacement[];
  change: ComponentChange;
}

export interface ReportApplication {
  id: string;
  name: string;
  description?: string;
  components: ReportComponent[];
}

export type CostRowKind = 'plan' | 'statusQuo' | 'liftAndShift' | 'greedy';

/** One layout's monthly cost as the evaluator priced it (USD per month unless named otherwise). */
export interface ReportCostRow {
  id: string;
  name: string;
  kind: CostRowKind;
  servers: number;
  storage: number;
  transferComponents: number;
  transferUsers: number;
  transferReplication: number;
  transferTotal: number;
  migrationAmortisedMonthly: number;
  /** One-time migration transfer (USD, not monthly). */
  migrationOneTime: number;
  total: number;
  /** Status quo total minus this total: positive is a saving. */
  savingVsStatusQuo: number;
  /** Saving as a fraction of the status quo total (undefined when the status quo costs nothing). */
  savingFraction?: number;
  feasible: boolean;
  violations: string[];
  /** The cheapest lift-and-shift the evaluator accepts. */
  cheapestFeasibleLiftAndShift: boolean;
}

export interface ReportSiteUse {
  servers: number;
  vcpus: number;
  serversCost: number;
  storageCost: number;
  transferCost: number;
  total: number;
}

export interface ReportSiteRow extends ReportSite {
  statusQuo: ReportSiteUse;
  plan?: ReportSiteUse;
}

export interface ReportMove {
  componentId: string;
  componentName: string;
  fromSiteName: string;
  toSiteName: string;
  gb: number;
  usd: number;
}

export interface ReportDelay {
  applicationId: string;
  applicationName: string;
  transactionId: string;
  transactionName: string;
  regionId: string;
  regionName: string;
  ratePerSecond: number;
  statusQuoMeanMs: number;
  meanMs: number;
  meanIncreaseMs: number;
  maxMeanIncreaseMs?: number;
  statusQuoP95Ms: number;
  p95Ms: number;
  maxP95Ms?: number;
  meanOk: boolean;
  p95Ok: boolean;
  method: TransactionDelay['method'];
  p95Interval?: { low: number; high: number };
}

export interface ReportLink {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  mbps: number;
  componentMbps: number;
  replicationMbps: number;
  capacityMbps: number;
  /** mbps / capacityMbps. */
  utilisation: number;
}

export interface ReportTradeoffPoint {
  value: number;
  status: LayoutPlan['status'];
  /** The evaluator's monthly total of the point's layout, when one was found and accepted. */
  totalUSD?: number;
  meanIncreaseMsMax?: number;
}

export interface ReportTradeoff {
  kind: TradeoffKind;
  label: string;
  /** For column headers: "Allowed mean increase". */
  shortLabel: string;
  unit: 'ms' | 'Mbps';
  points: ReportTradeoffPoint[];
}

export interface ReportResponseTime {
  /** (transaction, user region) pairs with traffic. */
  pairs: number;
  boundsChecked: number;
  boundsViolated: number;
  largestMeanIncrease?: { transactionName: string; regionName: string; increaseMs: number; boundMs?: number };
  /** Mean increase over all requests, weighted by their rate. */
  rateWeightedMeanIncreaseMs: number;
  /** The p95 closest to (or furthest over) its bound. */
  tightestP95?: { transactionName: string; regionName: string; p95Ms: number; boundMs: number };
}

export interface ReportSummary {
  statusQuoMonthlyUSD: number;
  /** Present when there is a recommended layout. */
  planMonthlyUSD?: number;
  savingMonthlyUSD?: number;
  savingFraction?: number;
  componentsTotal: number;
  componentsMoved: number;
  componentsSplit: number;
  /** Components that move or split, in scenario order. */
  changes: ReportComponent[];
  migration?: { oneTimeUSD: number; gbMoved: number; amortisedMonthlyUSD: number; months: number };
  responseTime?: ReportResponseTime;
}

export interface ReportAssumptions {
  currency: 'USD';
  pricesAsOf: string;
  priceSources: string[];
  hoursPerMonth: number;
  bytesPerGB: number;
  solverStatus: LayoutPlan['status'];
  solverMessage?: string;
  method: LayoutPlan['method'];
  blocks: number;
  /** Proven relative gap; null when not proven (not finite). */
  provenGap: number | null;
  requestedGap: number;
  timeLimitSeconds: number;
  solveSeconds: number;
  cutRounds: number;
  model: ModelSize;
  objective: string;
  migrationAmortisationMonths: number;
  maxMeanIncreaseOverrideMs?: number;
  bandwidthCapMbps?: number;
  /** The evaluator's account of how the p95 was computed and how large its error is. */
  p95Method: string;
  /** The evaluated layout's routing: the optimiser's own, or proportional (round-robin) by default. */
  routing: 'optimised' | 'proportional';
  evaluatorNotes: string[];
  statusQuoViolations: string[];
}

export interface Report {
  reportVersion: typeof REPORT_VERSION;
  generatedAt: string;
  scenario: { name: string; description?: string };
  sites: ReportSite[];
  outcome: {
    status: LayoutPlan['status'];
    /** A layout the evaluator accepted exists and is recommended. */
    hasPlan: boolean;
    message?: string;
    /** What would have to give for a layout to exist (infeasible plans). */
    relaxations: string[];
    /** The evaluator's objections to the layout the solver returned, when it rejected it. */
    violations: string[];
  };
  summary: ReportSummary;
  applications: ReportApplication[];
  costs: { rows: ReportCostRow[]; sites: ReportSiteRow[]; moves: ReportMove[] };
  tradeoff?: ReportTradeoff;
  /** Delays and links of the recommended layout, or of the status quo when there is none. */
  delays: { of: 'plan' | 'statusQuo'; rows: ReportDelay[] };
  links: { of: 'plan' | 'statusQuo'; rows: ReportLink[] };
  /** The bursting timeline hook: absent until a bursting plan exists (issue 5). */
  bursting?: ReportBursting;
  assumptions: ReportAssumptions;
  /** The inputs as given, for the JSON export only (the renderers read the fields above). */
  source: { plan: LayoutPlan; baselines: Baselines; tradeoff?: { kind: TradeoffKind; points: TradeoffPoint[] } };
}

const usable = (plan: LayoutPlan): plan is LayoutPlan & { layout: NonNullable<LayoutPlan['layout']>; evaluation: LayoutEvaluation } =>
  (plan.status === 'optimal' || plan.status === 'feasible') && plan.layout !== undefined && plan.evaluation !== undefined && plan.evaluation.feasible;

export function buildReport(input: ReportInput): Report {
  const { scenario: s, plan, baselines } = input;
  const siteName = new Map(s.sites.map((site) => [site.id, site.name]));
  const nameOfSite = (id: string) => siteName.get(id) ?? id;
  const regionName = new Map(s.userRegions.map((r) => [r.id, r.name]));
  const transactions = new Map(s.applications.flatMap((a) => a.transactions.map((t) => [t.id, { app: a, t }] as const)));
  const components = new Map(s.applications.flatMap((a) => a.components.map((c) => [c.id, c] as const)));
  const hasPlan = usable(plan);
  const statusQuo = baselines.statusQuo.evaluation;
  const chosen: LayoutEvaluation = hasPlan ? plan.evaluation : statusQuo;

  const sites: ReportSite[] = s.sites.map((site) => ({
    id: site.id,
    name: site.name,
    kind: site.kind,
    ...(site.capacity.servers !== undefined ? { capacityServers: site.capacity.servers } : {}),
    ...(site.capacity.vcpus !== undefined ? { capacityVcpus: site.capacity.vcpus } : {}),
  }));

  // --- Layout per application -------------------------------------------------------------
  const applications: ReportApplication[] = s.applications.map((app) => ({
    id: app.id,
    name: app.name,
    ...(app.description ? { description: app.description } : {}),
    components: app.components.map((c): ReportComponent => {
      const row = hasPlan ? (plan.layout.servers[c.id] ?? {}) : { [c.homeSite]: c.servers };
      const placement = s.sites
        .filter((site) => (row[site.id] ?? 0) > 0)
        .map((site) => ({ siteId: site.id, siteName: site.name, servers: row[site.id]! }));
      const change: ComponentChange = placement.length > 1 ? 'split' : placement.length === 1 && placement[0]!.siteId !== c.homeSite ? 'moved' : 'unchanged';
      return {
        applicationId: app.id,
        applicationName: app.name,
        componentId: c.id,
        componentName: c.name,
        servers: c.servers,
        serverClass: c.serverClass,
        storageGB: c.storageGB,
        homeSiteId: c.homeSite,
        homeSiteName: nameOfSite(c.homeSite),
        placement,
        change,
      };
    }),
  }));
  const allComponents = applications.flatMap((a) => a.components);

  // --- Costs --------------------------------------------------------------------------------
  const sqTotal = statusQuo.cost.total;
  const costRow = (id: string, name: string, kind: CostRowKind, e: LayoutEvaluation): ReportCostRow => {
    const saving = sqTotal - e.cost.total;
    return {
      id,
      name,
      kind,
      servers: e.cost.servers,
      storage: e.cost.storage,
      transferComponents: e.cost.transfer.components,
      transferUsers: e.cost.transfer.users,
      transferReplication: e.cost.transfer.replication,
      transferTotal: e.cost.transfer.total,
      migrationAmortisedMonthly: e.cost.migration.amortisedMonthly,
      migrationOneTime: e.cost.migration.oneTimeUSD,
      total: e.cost.total,
      savingVsStatusQuo: saving,
      ...(sqTotal > 0 ? { savingFraction: saving / sqTotal } : {}),
      feasible: e.feasible,
      violations: e.violations.map((v) => v.message),
      cheapestFeasibleLiftAndShift: id === baselines.cheapestFeasibleLiftAndShift,
    };
  };
  const baselineRow = (b: Baseline, kind: CostRowKind) => costRow(b.id, b.name, kind, b.evaluation);
  const rows: ReportCostRow[] = [
    ...(hasPlan ? [costRow('plan', 'Recommended plan', 'plan', plan.evaluation)] : []),
    baselineRow(baselines.statusQuo, 'statusQuo'),
    ...baselines.liftAndShift.map((b) => baselineRow(b, 'liftAndShift')),
    baselineRow(baselines.greedy, 'greedy'),
  ];
  const siteUse = (e: LayoutEvaluation, id: string): ReportSiteUse => {
    const c = e.cost.bySite[id] ?? { servers: 0, storage: 0, transfer: 0 };
    return {
      servers: e.serversBySite[id] ?? 0,
      vcpus: e.vcpusBySite[id] ?? 0,
      serversCost: c.servers,
      storageCost: c.storage,
      transferCost: c.transfer,
      total: c.servers + c.storage + c.transfer,
    };
  };
  const siteRows: ReportSiteRow[] = sites.map((site) => ({
    ...site,
    statusQuo: siteUse(statusQuo, site.id),
    ...(hasPlan ? { plan: siteUse(plan.evaluation, site.id) } : {}),
  }));
  const moves: ReportMove[] = hasPlan
    ? plan.evaluation.cost.migration.moves.map((m) => ({
        componentId: m.componentId,
        componentName: components.get(m.componentId)?.name ?? m.componentId,
        fromSiteName: nameOfSite(m.from),
        toSiteName: nameOfSite(m.to),
        gb: m.gb,
        usd: m.usd,
      }))
    : [];

  // --- Delays and links ---------------------------------------------------------------------
  const delays: ReportDelay[] = chosen.delays.map((d) => {
    const found = transactions.get(d.transactionId);
    return {
      applicationId: d.applicationId,
      applicationName: found?.app.name ?? d.applicationId,
      transactionId: d.transactionId,
      transactionName: found?.t.name ?? d.transactionId,
      regionId: d.regionId,
      regionName: regionName.get(d.regionId) ?? d.regionId,
      ratePerSecond: d.ratePerSecond,
      statusQuoMeanMs: d.statusQuoMeanMs,
      meanMs: d.meanMs,
      meanIncreaseMs: d.meanIncreaseMs,
      ...(d.bounds.maxMeanIncreaseMs !== undefined ? { maxMeanIncreaseMs: d.bounds.maxMeanIncreaseMs } : {}),
      statusQuoP95Ms: d.statusQuoP95Ms,
      p95Ms: d.p95Ms,
      ...(d.bounds.maxP95Ms !== undefined ? { maxP95Ms: d.bounds.maxP95Ms } : {}),
      meanOk: d.meanOk,
      p95Ok: d.p95Ok,
      method: d.method,
      ...(d.p95Interval ? { p95Interval: { ...d.p95Interval } } : {}),
    };
  });
  const links: ReportLink[] = chosen.links.map((l) => ({
    fromId: l.from,
    fromName: nameOfSite(l.from),
    toId: l.to,
    toName: nameOfSite(l.to),
    mbps: l.mbps,
    componentMbps: l.componentMbps,
    replicationMbps: l.replicationMbps,
    capacityMbps: l.capacityMbps,
    utilisation: l.utilisation,
  }));

  // --- Executive summary ----------------------------------------------------------------------
  const changes = allComponents.filter((c) => c.change !== 'unchanged');
  const summary: ReportSummary = {
    statusQuoMonthlyUSD: sqTotal,
    componentsTotal: allComponents.length,
    componentsMoved: changes.filter((c) => c.change === 'moved').length,
    componentsSplit: changes.filter((c) => c.change === 'split').length,
    changes,
  };
  if (hasPlan) {
    const cost = plan.evaluation.cost;
    summary.planMonthlyUSD = cost.total;
    summary.savingMonthlyUSD = sqTotal - cost.total;
    if (sqTotal > 0) summary.savingFraction = (sqTotal - cost.total) / sqTotal;
    summary.migration = { oneTimeUSD: cost.migration.oneTimeUSD, gbMoved: cost.migration.gbMoved, amortisedMonthlyUSD: cost.migration.amortisedMonthly, months: cost.migration.months };
    summary.responseTime = responseTimeSummary(delays);
  }

  // --- Trade-off curve -------------------------------------------------------------------------
  let tradeoff: ReportTradeoff | undefined;
  if (input.tradeoff && input.tradeoff.points.length > 0) {
    const kind = input.tradeoff.kind;
    tradeoff = {
      kind,
      label: kind === 'meanIncrease' ? 'Allowed increase of the mean response time (every transaction and region)' : 'Bandwidth cap on every inter-site link direction',
      shortLabel: kind === 'meanIncrease' ? 'Allowed mean increase' : 'Bandwidth cap',
      unit: kind === 'meanIncrease' ? 'ms' : 'Mbps',
      points: input.tradeoff.points.map((p) => ({
        value: p.value,
        status: p.plan.status,
        ...(usable(p.plan)
          ? {
              totalUSD: p.plan.evaluation.cost.total,
              ...(p.plan.evaluation.delays.length > 0 ? { meanIncreaseMsMax: Math.max(...p.plan.evaluation.delays.map((d) => d.meanIncreaseMs)) } : {}),
            }
          : {}),
      })),
    };
  }

  // --- Assumptions -----------------------------------------------------------------------------
  const settings: LayoutPlanSettings = plan.settings;
  const assumptions: ReportAssumptions = {
    currency: s.pricing.currency,
    pricesAsOf: s.pricing.asOf,
    priceSources: [...s.pricing.sources],
    hoursPerMonth: s.pricing.hoursPerMonth,
    bytesPerGB: BYTES_PER_GB,
    solverStatus: plan.status,
    ...(plan.message ? { solverMessage: plan.message } : {}),
    method: plan.method,
    blocks: plan.blocks,
    provenGap: Number.isFinite(plan.gap) ? plan.gap : null,
    requestedGap: settings.mipGap,
    timeLimitSeconds: settings.timeLimitSeconds,
    solveSeconds: plan.solveSeconds,
    cutRounds: plan.cutRounds,
    model: { ...plan.model },
    objective: describeObjective(settings),
    migrationAmortisationMonths: settings.migrationAmortisationMonths,
    ...(settings.maxMeanIncreaseOverrideMs !== undefined ? { maxMeanIncreaseOverrideMs: settings.maxMeanIncreaseOverrideMs } : {}),
    ...(settings.bandwidthCapMbps !== undefined ? { bandwidthCapMbps: settings.bandwidthCapMbps } : {}),
    p95Method: chosen.p95Method,
    routing: chosen.routingIsDefault ? 'proportional' : 'optimised',
    evaluatorNotes: [...chosen.notes],
    statusQuoViolations: statusQuo.violations.map((v) => v.message),
  };

  return {
    reportVersion: REPORT_VERSION,
    generatedAt: input.generatedAt,
    scenario: { name: s.name, ...(s.description ? { description: s.description } : {}) },
    sites,
    outcome: {
      status: plan.status,
      hasPlan,
      ...(plan.message ? { message: plan.message } : {}),
      relaxations: plan.relaxations.map((r) => r.message),
      violations: !hasPlan && plan.evaluation ? plan.evaluation.violations.map((v) => v.message) : [],
    },
    summary,
    applications,
    costs: { rows, sites: siteRows, moves },
    ...(tradeoff ? { tradeoff } : {}),
    delays: { of: hasPlan ? 'plan' : 'statusQuo', rows: delays },
    links: { of: hasPlan ? 'plan' : 'statusQuo', rows: links },
    ...(input.bursting ? { bursting: input.bursting } : {}),
    assumptions,
    source: { plan, baselines, ...(input.tradeoff ? { tradeoff: input.tradeoff } : {}) },
  };
}

function responseTimeSummary(delays: ReportDelay[]): ReportResponseTime {
  let boundsChecked = 0;
  let boundsViolated = 0;
  let largest: ReportResponseTime['largestMeanIncrease'];
  let tightest: ReportResponseTime['tightestP95'];
  let weighted = 0;
  let rate = 0;
  for (const d of delays) {
    if (d.maxMeanIncreaseMs !== undefined) {
      boundsChecked++;
      if (!d.meanOk) boundsViolated++;
    }
    if (d.maxP95Ms !== undefined) {
      boundsChecked++;
      if (!d.p95Ok) boundsViolated++;
      if (!tightest || d.p95Ms / d.maxP95Ms > tightest.p95Ms / tightest.boundMs)
        tightest = { transactionName: d.transactionName, regionName: d.regionName, p95Ms: d.p95Ms, boundMs: d.maxP95Ms };
    }
    if (!largest || d.meanIncreaseMs > largest.increaseMs)
      largest = {
        transactionName: d.transactionName,
        regionName: d.regionName,
        increaseMs: d.meanIncreaseMs,
        ...(d.maxMeanIncreaseMs !== undefined ? { boundMs: d.maxMeanIncreaseMs } : {}),
      };
    weighted += d.ratePerSecond * d.meanIncreaseMs;
    rate += d.ratePerSecond;
  }
  return {
    pairs: delays.length,
    boundsChecked,
    boundsViolated,
    ...(largest ? { largestMeanIncrease: largest } : {}),
    rateWeightedMeanIncreaseMs: rate > 0 ? weighted / rate : 0,
    ...(tightest ? { tightestP95: tightest } : {}),
  };
}

function describeObjective(settings: LayoutPlanSettings): string {
  const o = settings.objective;
  switch (o.kind) {
    case 'cost':
      return 'lowest monthly cost';
    case 'delay':
      return `lowest request-weighted mean response time within a budget of ${o.budgetUSD} USD a month`;
    case 'weighted':
      return `lowest monthly cost plus ${o.usdPerMs} USD per ms of request-weighted mean response time`;
  }
}
