/**
 * A layout: where the servers of every component run and how each transaction's
 * requests are routed between the replicas. The optimiser produces layouts and
 * the evaluator judges them; this file is the whole contract between the two.
 *
 * Route model. For a transaction type t and user region r, one request follows
 * one route: a site for every component the transaction touches.
 *  - The entry component's site is drawn from `entry` (fractions that sum to 1).
 *  - Components are reached along the transaction's `calls` in list order. The
 *    first call edge that reaches a component is its *routing edge*: given the
 *    caller's site s, the callee's site t is drawn with probability
 *    pairs[s>t] / Σ_t' pairs[s>t'] (so `pairs` is the joint distribution of
 *    caller and callee sites on that edge, summing to 1).
 *  - Every later edge to an already reached component is a *follow edge*: its
 *    calls go to the site already drawn for the callee (one session per request).
 * Every call of an edge (callsPerTransaction of them, made one after another)
 * pays the round trip between the two sites plus the time to send its bytes
 * over the link; processing time is added per component visit.
 *
 * Load. A replica carries the requests routed to it; a routing is valid only if
 * the share of a component's visits served at a site is at most that site's
 * share of the component's servers (Cloudward Bound's n_c·Σf ≤ x).
 */

/** Servers of each component at each site: componentId → siteId → servers (omitted = 0). */
export type ServerCounts = Record<string, Record<string, number>>;

export interface TransactionRouting {
  /** siteId → fraction of this region's requests entering at that site. */
  entry: Record<string, number>;
  /**
   * Per routing edge, by its index in `transaction.calls`: `${callerSite}>${calleeSite}` → fraction.
   * Follow edges have no entry here (their sites are implied).
   */
  pairs: Record<number, Record<string, number>>;
}

/** transactionId → userRegionId → routing. */
export type Routing = Record<string, Record<string, TransactionRouting>>;

export interface Layout {
  servers: ServerCounts;
  /**
   * When absent, routing is proportional: the entry site and every callee's site
   * are drawn in proportion to the component's servers at each site, whatever the
   * caller's site (what a plain round-robin load balancer does).
   */
  routing?: Routing;
}

export const pairKey = (callerSite: string, calleeSite: string) => `${callerSite}>${calleeSite}`;
