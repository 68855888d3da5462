/**
 * A burst schedule: what runs where in every period of a demand horizon, which
 * VM images are kept pre-copied in the cloud, and any local capacity bought.
 * The bursting optimiser and the baselines produce schedules; the evaluator
 * (evaluateBurst.ts) prices and checks them. This file is the whole contract
 * between the two, and the cost model below is what both implement on their own.
 *
 * Horizon. The scenario's `demand` block: P periods of Δ = periodMinutes each.
 * Period p covers [p·Δ, (p+1)·Δ) from the horizon start. Before period 0
 * everything runs at its home site.
 *
 * Need. Application a's demand in period p is d[a][p] (its profile; an
 * application without a profile has constant demand equal to the mean). A
 * component c with throughputPerServer τ needs R[c][p] = ceil(d[a][p] / τ)
 * servers (0 when d = 0); one without τ needs its `servers` in every period. The scenario's transaction rates are the
 * horizon's average: in period p they are scaled by d[a][p] / mean_p d[a][p]
 * (0 when the mean is 0), a the transaction's application.
 *
 * Sites. A component runs at its home site (on-premise) and, when it bursts, at
 * the schedule's one burst region (a cloud site that prices its server class
 * and is in its allowedSites, if it has any). φ[c][p] = cloud servers / R[c][p]
 * is the share of c's load served in the cloud (load is spread in proportion
 * to servers). An unsplittable component is wholly at home or wholly in the
 * cloud in each period.
 *
 * Routing is locality-aware: for a call edge c1 → c2 (calls k per transaction,
 * request and response bytes per call) a share |φ1 − φ2| of its calls crosses
 * between home and cloud; when φ1 > φ2 those calls go from the cloud to c2's home
 * (requests leave the cloud, responses enter it) over that home's link, otherwise
 * from c1's home to the cloud over c1's home's link. Users reach the
 * entry component's cloud share φ_entry at the cloud, the rest at home.
 *
 * Cost over the horizon (USD), by term:
 *  - localOwned: every on-premise site's server capacity is owned and paid in
 *    every plan alike: capacity × (mean monthly price of the servers homed there
 *    today, weighted by their count) × horizon months (horizon hours ÷
 *    hoursPerMonth). A site without a server capacity contributes the servers its
 *    components need at their busiest period instead (what they need, not what a
 *    schedule keeps at home). Running within capacity costs nothing more.
 *  - localBought: servers of capacity added (schedule.localCapacityAdded) at the
 *    same mean price × horizon months.
 *  - cloudServers: Σ_p Σ_c cloud servers × hourly price × Δ hours (monthly-billed
 *    cloud classes are divided by hoursPerMonth).
 *  - wanTransfer: Σ crossing calls × (request bytes priced from sender to
 *    receiver + response bytes priced back), with the prices of
 *    src/planner/model/traffic.ts's rule (the link's per-GB price if it has one,
 *    else the sender's egress + the receiver's ingress; inter-region egress
 *    between two cloud sites of the same provider). Replication of a split
 *    component (0 < φ < 1 and replicationMbps > 0): replicationMbps in each
 *    direction for the period.
 *  - userTransfer: user request and response bytes of the period, priced at the
 *    entry's site by share (φ_entry at the cloud's ingress/egress, the rest at home).
 *  - imageTransfer: every burst onset of a component whose image is not
 *    pre-copied copies vm.imageGB from home to the burst region (priced like a
 *    request from home to cloud).
 *  - imageStorage: a pre-copied image costs imageGB × the cloud's storage price ×
 *    horizon months; an image copied on demand costs imageGB × storage price ×
 *    (hours its burst lasts ÷ hoursPerMonth).
 * A burst onset of c is a period p with cloud servers > 0 where p = 0 or period
 * p − 1 had none (period 0 is no onset for a component in inCloudBeforeHorizon);
 * a burst event is a maximal run of periods with cloud servers.
 *
 * Constraints (the evaluator reports each violation with its period):
 *  - coverage: home + cloud servers = R[c][p]; no cloud servers for a component
 *    that may not run in the burst region; unsplittable: all or nothing;
 *  - capacity: at every on-premise site and period, servers (and vCPUs, where
 *    the site limits them) in use ≤ capacity + localCapacityAdded;
 *  - lead time: a burst onset at p needs lead ≤ p·Δ (seconds from the horizon
 *    start), where lead = boot seconds if pre-copied, else imageGB·8000 ÷ link
 *    Mbps (home ↔ burst region) + boot seconds; with a reaction limit set
 *    (settings), every burst's lead must also be ≤ the limit;
 *  - response time: per transaction, user region and period, the increase of
 *    the mean over all-at-home, Σ_edges k·|φ1 − φ2|·(link RTT mean − intra-site
 *    RTT mean + (request + response bytes)·8 ÷ link bandwidth) +
 *    φ_entry·(user RTT to the cloud − user RTT to home), ≤ slo.maxMeanIncreaseMs;
 *  - p95: in every period with servers in the cloud, each transaction's p95 (where it
 *    has a bound) as the layout evaluator computes it for that period's layout and
 *    routing (burstP95.ts) ≤ slo.maxP95Ms;
 *  - bandwidth: crossing traffic in each direction of every home ↔ cloud link
 *    (calls' bytes and replication, in Mbps averaged over the period) ≤ its bandwidthMbps.
 */

/** Servers by component, site and period: componentId → siteId → one number per period. */
export type ServersByPeriod = Record<string, Record<string, number[]>>;

export interface BurstSchedule {
  /** The cloud site every burst goes to (null: nothing bursts). */
  burstRegion: string | null;
  servers: ServersByPeriod;
  /** Components whose image is kept in the burst region for the whole horizon. */
  preCopied: string[];
  /** Servers of capacity bought per on-premise site for the horizon (the buy-for-peak baseline). */
  localCapacityAdded: Record<string, number>;
  /**
   * Components moved to the burst region before the horizon starts (the all-in-the-cloud
   * baseline): being there in period 0 is no onset for them, so no lead time applies then.
   */
  inCloudBeforeHorizon?: string[];
}

export interface BurstSettings {
  /** When set, every burst must be able to start within this many minutes (Seagull's reason to pre-copy). */
  maxReactionMinutes?: number;
  /** Only consider this cloud region; otherwise every cloud site is tried and the cheapest kept. */
  burstRegion?: string;
  timeLimitSeconds: number;
  mipGap: number;
}

export const DEFAULT_BURST_SETTINGS: BurstSettings = { timeLimitSeconds: 60, mipGap: 0.001 };

export const BURST_COST_TERMS = ['localOwned', 'localBought', 'cloudServers', 'wanTransfer', 'userTransfer', 'imageTransfer', 'imageStorage'] as const;
export type BurstCostTerm = (typeof BURST_COST_TERMS)[number];
export type BurstCost = Record<BurstCostTerm, number> & { total: number };

/** One component's stay in the cloud: periods [start, end), its lead time and whether its image was there already. */
export interface BurstEvent {
  component: string;
  application: string;
  start: number;
  end: number;
  /** Seconds from the decision to burst until its servers run in the cloud. */
  leadSeconds: number;
  preCopied: boolean;
  peakCloudServers: number;
}

export type BurstViolationKind = 'coverage' | 'not-allowed' | 'unsplittable' | 'capacity' | 'lead-time' | 'reaction' | 'response-time' | 'p95' | 'bandwidth';

export interface BurstViolation {
  kind: BurstViolationKind;
  period: number;
  /** Plain words: what, where, by how much ("dc: 44 servers in use, capacity 40"). */
  message: string;
  /** How far over its limit (servers, seconds, ms or Mbps). */
  excess: number;
}

export interface BurstEvaluation {
  periods: number;
  periodHours: number;
  /** R[c][p]: servers each component needs in each period. */
  need: Record<string, number[]>;
  cost: BurstCost;
  /** The same terms per period (the horizon-wide ones, localOwned, localBought and pre-copy storage, spread evenly). */
  costByPeriod: BurstCost[];
  /** Servers per application per period, at home (on-premise) and in the cloud: the chart's series. */
  serversByApplication: Record<string, { home: number[]; cloud: number[] }>;
  /** Demand per application per period as the scenario gives it. */
  demand: Record<string, number[]>;
  /** On-premise capacity (servers) per site per period, including any bought. */
  localCapacity: Record<string, number[]>;
  events: BurstEvent[];
  /** Worst mean increase per transaction and user region over the horizon. */
  worstDelays: { transaction: string; region: string; period: number; increaseMs: number; boundMs?: number }[];
  /** Busiest period per link direction. */
  linkPeaks: { from: string; to: string; period: number; mbps: number; bandwidthMbps: number }[];
  violations: BurstViolation[];
  /** The worst p95 during bursts per transaction (with a p95 bound) and user region, from the layout evaluator. */
  p95DuringBursts: { transaction: string; region: string; period: number; p95Ms: number; boundMs: number; meanIncreaseMs: number }[];
  feasible: boolean;
}
