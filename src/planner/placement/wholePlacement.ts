/**
 * The first placement model: every component goes whole to one allowed site,
 * minimising monthly server + storage + transfer cost under site capacities,
 * pins and co-location groups.
 *
 * Transfer between two components depends on both placements (a product of
 * binaries). It is linearised with a transportation block per communicating
 * pair: y[a,b,s,t] ≥ 0 with Σ_t y = x[a,s] and Σ_s y = x[b,t]. For integral x
 * the only solution is y = x[a,s]·x[b,t], and the block's LP relaxation is much
 * tighter than the usual y ≥ x[a,s] + x[b,t] − 1.
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { findSite, interSitePricePerGB, monthlyTraffic, serverMonthlyPrice, vcpusOf } from '../model/traffic';
import { NameRegistry, type Column, type LinearModel, type Row, type Term } from '../solver/glpk';
import type { Placement } from '../evaluate/evaluatePlacement';

export interface WholePlacementModel {
  model: LinearModel;
  /** Column name of x[component, site]. */
  assignColumn: Map<string, Map<string, string>>;
  /** Problems visible before solving: no model is worth solving when this is non-empty. */
  obstacles: string[];
}

export function buildWholePlacementModel(s: Scenario): WholePlacementModel {
  const names = new NameRegistry();
  const columns: Column[] = [];
  const rows: Row[] = [];
  const objective = new Map<string, number>();
  const addCost = (name: string, coef: number) => {
    if (coef !== 0) objective.set(name, (objective.get(name) ?? 0) + coef);
  };
  const assignColumn = new Map<string, Map<string, string>>();
  const components = s.applications.flatMap((a) => a.components);
  const obstacles: string[] = [];

  for (const c of components) {
    const perSite = new Map<string, string>();
    for (const siteId of allowedSitesOf(c, s)) {
      const site = findSite(s, siteId);
      const serverPrice = serverMonthlyPrice(s, site, c.serverClass);
      if (serverPrice === undefined) continue;
      const name = names.make('x', c.id, siteId);
      columns.push({ name, lb: 0, ub: 1, kind: 'binary' });
      perSite.set(siteId, name);
      addCost(name, c.servers * serverPrice + c.storageGB * site.storagePricePerGBMonthUSD);
    }
    if (perSite.size === 0) obstacles.push(`component "${c.id}" has no allowed site that offers server class "${c.serverClass}"`);
    assignColumn.set(c.id, perSite);
    rows.push({ name: names.make('place', c.id), terms: [...perSite.values()].map((n) => ({ name: n, coef: 1 })), sense: '=', rhs: 1 });
  }

  // Co-location: every member sits where the group's first member sits.
  const groups = new Map<string, string[]>();
  for (const c of components) if (c.colocationGroup) groups.set(c.colocationGroup, [...(groups.get(c.colocationGroup) ?? []), c.id]);
  for (const [group, members] of groups) {
    const [lead, ...rest] = members;
    for (const other of rest) {
      for (const site of s.sites) {
        const a = assignColumn.get(lead!)!.get(site.id);
        const b = assignColumn.get(other)!.get(site.id);
        if (!a && !b) continue;
        const terms: Term[] = [];
        if (a) terms.push({ name: a, coef: 1 });
        if (b) terms.push({ name: b, coef: -1 });
        rows.push({ name: names.make('coloc', group, other, site.id), terms, sense: '=', rhs: 0 });
      }
    }
  }

  for (const site of s.sites) {
    const { servers, vcpus } = site.capacity;
    const onSite = components.flatMap((c) => {
      const col = assignColumn.get(c.id)!.get(site.id);
      return col ? [{ c, col }] : [];
    });
    if (servers !== undefined && onSite.length > 0)
      rows.push({ name: names.make('cap_servers', site.id), terms: onSite.map(({ c, col }) => ({ name: col, coef: c.servers })), sense: '<=', rhs: servers });
    if (vcpus !== undefined && onSite.length > 0)
      rows.push({
        name: names.make('cap_vcpus', site.id),
        terms: onSite.map(({ c, col }) => ({ name: col, coef: c.servers * vcpusOf(site, c.serverClass) })),
        sense: '<=',
        rhs: vcpus,
      });
  }

  const traffic = monthlyTraffic(s);
  for (const flow of traffic.userFlows) {
    for (const [siteId, col] of assignColumn.get(flow.component) ?? []) {
      const prices = findSite(s, siteId).transferPricePerGBUSD;
      addCost(col, flow.toComponentGB * prices.ingress + flow.toUsersGB * prices.egress);
    }
  }
  for (const flow of traffic.componentFlows) {
    const fromSites = assignColumn.get(flow.from);
    const toSites = assignColumn.get(flow.to);
    if (!fromSites || !toSites) continue;
    const pairCost = (a: string, b: string) => flow.forwardGB * interSitePricePerGB(s, a, b) + flow.backwardGB * interSitePricePerGB(s, b, a);
    const anyCost = [...fromSites.keys()].some((a) => [...toSites.keys()].some((b) => pairCost(a, b) > 0));
    if (!anyCost) continue;
    const block = new Map<string, string>();
    for (const a of fromSites.keys()) {
      for (const b of toSites.keys()) {
        const name = names.make('y', flow.from, flow.to, a, b);
        columns.push({ name, lb: 0, ub: 1, kind: 'continuous' });
        block.set(`${a}|${b}`, name);
        addCost(name, pairCost(a, b));
      }
    }
    for (const [a, xa] of fromSites) {
      const terms: Term[] = [...toSites.keys()].map((b) => ({ name: block.get(`${a}|${b}`)!, coef: 1 }));
      rows.push({ name: names.make('link_from', flow.from, flow.to, a), terms: [...terms, { name: xa, coef: -1 }], sense: '=', rhs: 0 });
    }
    for (const [b, xb] of toSites) {
      const terms: Term[] = [...fromSites.keys()].map((a) => ({ name: block.get(`${a}|${b}`)!, coef: 1 }));
      rows.push({ name: names.make('link_to', flow.from, flow.to, b), terms: [...terms, { name: xb, coef: -1 }], sense: '=', rhs: 0 });
    }
  }

  const model: LinearModel = {
    name: 'whole_component_placement',
    sense: 'min',
    objective: [...objective].map(([name, coef]) => ({ name, coef })),
    rows,
    columns,
  };
  return { model, assignColumn, obstacles };
}

export function placementFromValues(built: WholePlacementModel, values: Record<string, number>): Placement {
  const placement: Placement = {};
  for (const [component, perSite] of built.assignColumn) {
    for (const [site, col] of perSite) if ((values[col] ?? 0) > 0.5) placement[component] = site;
  }
  return placement;
}
