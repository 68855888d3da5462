/**
 * Every edit the scenario editor makes, as a pure function from one raw document
 * to the next (immer: unchanged parts are shared, so validation and the solve
 * cache see a new object only where something changed).
 *
 * The document may be invalid while the user types (a name still empty, a
 * reference not yet set); these functions only rely on the structure they touch
 * and leave everything else as it is. Edits that change an id carry the change
 * to every reference, and adding a site or a user region adds the links and
 * latencies the format requires, estimated from the locations where it can.
 */
import { current, produce, type Draft } from 'immer';
import type { ScenarioInput, Site, UserRegion } from '../../planner';
import { estimateLinkLatency, estimateUserLatency } from '../../planner/geo/latencyEstimate';
import type { DocPath } from './paths';

type Doc = ScenarioInput;
type RawSite = Doc['sites'][number];
type RawRegion = NonNullable<Doc['userRegions']>[number];
type RawApplication = Doc['applications'][number];
type RawComponent = RawApplication['components'][number];
type RawTransaction = NonNullable<RawApplication['transactions']>[number];
type RawCall = NonNullable<RawTransaction['calls']>[number];
type RawLatency = { meanMs: number; p95Ms: number };

/** The raw document as the editor's functions see it: the format's input shape, trusted only as far as it goes. */
function asDoc(document: unknown): Doc {
  return (document !== null && typeof document === 'object' ? document : {}) as Doc;
}

function edit(document: unknown, recipe: (draft: Draft<Doc>) => void): unknown {
  return produce(asDoc(document), recipe);
}

const isObject = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === 'object';

/** `base`, or `base-2`, `base-3`, … : the first that is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A scenario with nothing in it yet: the validator lists what is still needed. */
export function emptyScenario(asOf: string = today()): Doc {
  return {
    formatVersion: 1,
    name: 'New scenario',
    pricing: { currency: 'USD', asOf, sources: [], hoursPerMonth: 730 },
    sites: [],
    network: { intraSiteLatency: { meanMs: 0.5, p95Ms: 1 }, links: [] },
    userRegions: [],
    applications: [],
  };
}

// ---------- Generic edits by path ----------

/** Sets the value at a path (creating missing objects and arrays on the way); undefined removes the field. */
export function setAt(document: unknown, path: DocPath, value: unknown): unknown {
  if (path.length === 0) return value;
  return edit(document, (draft) => {
    let parent: Record<string | number, unknown> = draft as unknown as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      if (!isObject(parent[key])) parent[key] = typeof path[i + 1] === 'number' ? [] : {};
      parent = parent[key] as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    if (value === undefined) {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete parent[last];
    } else parent[last] = value as never;
  });
}

function arrayAt(draft: unknown, path: DocPath): unknown[] | null {
  let current = draft;
  for (const key of path) {
    if (!isObject(current)) return null;
    current = current[key];
  }
  return Array.isArray(current) ? current : null;
}

export function insertAt(document: unknown, arrayPath: DocPath, item: unknown, index?: number): unknown {
  const withArray = Array.isArray(arrayAtPlain(document, arrayPath)) ? document : setAt(document, arrayPath, []);
  return edit(withArray, (draft) => {
    const list = arrayAt(draft, arrayPath)!;
    list.splice(index ?? list.length, 0, item);
  });
}

export function removeAt(document: unknown, arrayPath: DocPath, index: number): unknown {
  return edit(document, (draft) => {
    arrayAt(draft, arrayPath)?.splice(index, 1);
  });
}

/** Moves an item to another position of its list (for ordered lists such as ACL rules). */
export function moveAt(document: unknown, arrayPath: DocPath, from: number, to: number): unknown {
  return edit(document, (draft) => {
    const list = arrayAt(draft, arrayPath);
    if (!list || to < 0 || to >= list.length || from < 0 || from >= list.length) return;
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item);
  });
}

function arrayAtPlain(document: unknown, path: DocPath): unknown {
  let current = document;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Which id an item's references use, so they can follow a rename to `next` — or null when they
 * must stay. Renames happen keystroke by keystroke, so an id passes through other items' ids
 * ("dc2" → "dc" → "dc3" beside a site "dc"): while the id clashes, references stay where they
 * were (they belong to the other item too); once it is unique again they follow from there, which
 * is the one referenced id that no item has any more. Never to an empty or a clashing id, and
 * never when that orphan is not unique.
 */
function referencesSource(ids: readonly unknown[], index: number, old: unknown, next: string, referenced: Iterable<unknown>): string | null {
  if (next === '' || ids.some((id, i) => i !== index && id === next)) return null;
  if (typeof old === 'string' && old !== '' && old !== next && !ids.some((id, i) => i !== index && id === old)) return old;
  const orphans = new Set([...referenced].filter((r): r is string => typeof r === 'string' && r !== '' && !ids.includes(r)));
  return orphans.size === 1 ? [...orphans][0]! : null;
}

/** Renames a key of a record, keeping its position (so the JSON keeps its order); never over an existing key. */
function renameKey(record: Record<string, unknown> | undefined, from: string, to: string): void {
  if (!record || from === to || !(from in record) || to in record) return;
  const entries = Object.entries(record);
  for (const key of Object.keys(record)) delete record[key];
  for (const [key, value] of entries) record[key === from ? to : key] = value;
}

// ---------- Sites and the network ----------

function sitesOf(d: Draft<Doc>): Draft<RawSite>[] {
  if (!Array.isArray(d.sites)) d.sites = [];
  return d.sites;
}

function linksOf(d: Draft<Doc>) {
  if (!isObject(d.network)) d.network = { links: [] };
  if (!Array.isArray(d.network.links)) d.network.links = [];
  return d.network.links;
}

/** Estimates need a located site; the raw document's site is trusted for its location only. */
const asSite = (s: unknown) => s as Site;
const asRegion = (r: unknown) => r as UserRegion;

function hasLocation(x: unknown): boolean {
  const location = isObject(x) ? x.location : undefined;
  return isObject(location) && typeof location.lat === 'number' && typeof location.lon === 'number';
}

function linkEstimate(a: unknown, b: unknown): RawLatency | null {
  if (!hasLocation(a) || !hasLocation(b)) return null;
  return estimateLinkLatency(asSite(a), asSite(b));
}

function userEstimate(region: unknown, site: unknown): RawLatency | null {
  if (!hasLocation(region) || !hasLocation(site)) return null;
  return estimateUserLatency(asRegion(region), asSite(site));
}

/** Bandwidth has no estimate; a new link starts at 1 Gbit/s, shown and editable like every other figure. */
export const DEFAULT_LINK_BANDWIDTH_MBPS = 1000;

/** A link without an estimate has no latency yet: the validator asks for it rather than the editor guessing. */
function newLink(a: string, b: string, latency: RawLatency | null): Draft<Doc['network']['links'][number]> {
  return { between: [a, b], ...(latency ? { latency } : {}), bandwidthMbps: DEFAULT_LINK_BANDWIDTH_MBPS } as unknown as Draft<Doc['network']['links'][number]>;
}

export function newSite(document: unknown, kind: 'onPremise' | 'cloud' = 'onPremise'): RawSite {
  const ids = (asDoc(document).sites ?? []).map((s) => s.id);
  const n = ids.length + 1;
  return {
    id: uniqueId(`site-${n}`, ids),
    name: `Site ${n}`,
    kind,
    serverClasses: [{ serverClass: 'general', priceUSD: 0, billing: kind === 'cloud' ? 'hour' : 'month' }],
    capacity: {},
    storagePricePerGBMonthUSD: 0,
    transferPricePerGBUSD: { egress: 0, ingress: 0 },
  };
}

/**
 * Adds a site with a link to every other site and a latency from every user
 * region (estimated when both ends have a location, left to fill in otherwise).
 * A site whose id is taken gets a unique one.
 */
export function addSite(document: unknown, site: RawSite = newSite(document)): unknown {
  return edit(document, (d) => {
    const sites = sitesOf(d);
    const id = uniqueId(site.id, sites.map((s) => s.id));
    const added = { ...site, id } as Draft<RawSite>;
    const links = linksOf(d);
    for (const other of sites) {
      const latency = linkEstimate(other, added);
      links.push(newLink(other.id, id, latency));
    }
    sites.push(added);
    for (const region of d.userRegions ?? []) {
      const latency = userEstimate(region, added);
      if (!isObject(region.latencyToSites)) region.latencyToSites = {};
      if (latency) region.latencyToSites[id] = latency;
    }
  });
}

/** Removes a site with its links, its user latencies and its place in allowed-site lists. */
export function removeSite(document: unknown, index: number): unknown {
  return edit(document, (d) => {
    const site = d.sites?.[index];
    if (!site) return;
    d.sites.splice(index, 1);
    const links = linksOf(d);
    for (let i = links.length - 1; i >= 0; i--) if (Array.isArray(links[i]!.between) && links[i]!.between.includes(site.id)) links.splice(i, 1);
    for (const region of d.userRegions ?? []) if (isObject(region.latencyToSites)) delete region.latencyToSites[site.id];
    for (const app of d.applications ?? [])
      for (const c of app.components ?? []) {
        if (!Array.isArray(c.allowedSites)) continue;
        // An emptied list stays empty (the validator asks for a site): deleting it would allow every site.
        c.allowedSites = c.allowedSites.filter((s) => s !== site.id);
      }
  });
}

/** Changes a site's id and every reference to it. */
export function renameSite(document: unknown, index: number, id: string): unknown {
  return edit(document, (d) => {
    const site = d.sites?.[index];
    if (!site) return;
    const components = (d.applications ?? []).flatMap((a) => a.components ?? []);
    const referenced = [
      ...linksOf(d).flatMap((l) => (Array.isArray(l.between) ? l.between : [])),
      ...(d.userRegions ?? []).flatMap((r) => (isObject(r.latencyToSites) ? Object.keys(r.latencyToSites) : [])),
      ...components.flatMap((c) => [c.homeSite, ...(Array.isArray(c.allowedSites) ? c.allowedSites : [])]),
    ];
    const old = referencesSource(d.sites.map((x) => x.id), index, site.id, id, referenced);
    site.id = id;
    if (old === null || old === id) return;
    for (const link of linksOf(d)) if (Array.isArray(link.between)) link.between = link.between.map((s) => (s === old ? id : s)) as [string, string];
    for (const region of d.userRegions ?? []) renameKey(region.latencyToSites, old, id);
    for (const app of d.applications ?? [])
      for (const c of app.components ?? []) {
        if (c.homeSite === old) c.homeSite = id;
        if (Array.isArray(c.allowedSites)) c.allowedSites = c.allowedSites.map((s) => (s === old ? id : s));
      }
  });
}

/**
 * Sets (or clears) a site's location and fills, from the estimate, every latency
 * to it that is still missing. Latencies the user gave are kept.
 */
export function setSiteLocation(document: unknown, index: number, location: RawSite['location'] | undefined): unknown {
  const placed = setAt(document, ['sites', index, 'location'], location);
  return fillMissingLatencies(placed);
}

/** Fills every missing link and user latency that both ends' locations can estimate. */
export function fillMissingLatencies(document: unknown): unknown {
  return edit(document, (d) => {
    const byId = new Map((d.sites ?? []).map((s) => [s.id, s]));
    for (const link of d.network?.links ?? []) {
      if (link.latency !== undefined || !Array.isArray(link.between)) continue;
      const latency = linkEstimate(byId.get(link.between[0]), byId.get(link.between[1]));
      if (latency) link.latency = latency;
    }
    for (const region of d.userRegions ?? []) {
      if (!isObject(region.latencyToSites)) region.latencyToSites = {};
      for (const site of d.sites ?? []) {
        if (region.latencyToSites[site.id] !== undefined) continue;
        const latency = userEstimate(region, site);
        if (latency) region.latencyToSites[site.id] = latency;
      }
    }
  });
}

/** The estimate for a link of the document, or null when a site has no location. */
export function estimateForLink(document: unknown, linkIndex: number): RawLatency | null {
  const d = asDoc(document);
  const between = d.network?.links?.[linkIndex]?.between;
  if (!Array.isArray(between)) return null;
  const find = (id: string) => d.sites?.find((s) => s.id === id);
  return linkEstimate(find(between[0]), find(between[1]));
}

export function estimateForUser(document: unknown, regionIndex: number, siteId: string): RawLatency | null {
  const d = asDoc(document);
  return userEstimate(d.userRegions?.[regionIndex], d.sites?.find((s) => s.id === siteId));
}

/** Adds the links the format requires that are missing (one per pair of sites), estimated where it can. */
export function addMissingLinks(document: unknown): unknown {
  return edit(document, (d) => {
    const sites = sitesOf(d);
    const links = linksOf(d);
    const has = (a: string, b: string) => links.some((l) => Array.isArray(l.between) && l.between.includes(a) && l.between.includes(b));
    for (let i = 0; i < sites.length; i++)
      for (let j = i + 1; j < sites.length; j++) {
        const [a, b] = [sites[i]!, sites[j]!];
        if (a.id === b.id || has(a.id, b.id)) continue;
        const latency = linkEstimate(a, b);
        links.push(newLink(a.id, b.id, latency));
      }
  });
}

// ---------- User regions ----------

export function addUserRegion(document: unknown): unknown {
  return edit(document, (d) => {
    if (!Array.isArray(d.userRegions)) d.userRegions = [];
    const ids = d.userRegions.map((r) => r.id);
    const n = ids.length + 1;
    d.userRegions.push({ id: uniqueId(`users-${n}`, ids), name: `Users ${n}`, latencyToSites: {} });
  });
}

export function removeUserRegion(document: unknown, index: number): unknown {
  return edit(document, (d) => {
    const region = d.userRegions?.[index];
    if (!region) return;
    d.userRegions!.splice(index, 1);
    for (const app of d.applications ?? []) for (const t of app.transactions ?? []) if (isObject(t.ratePerSecond)) delete t.ratePerSecond[region.id];
  });
}

export function renameUserRegion(document: unknown, index: number, id: string): unknown {
  return edit(document, (d) => {
    const region = d.userRegions?.[index];
    if (!region) return;
    const referenced = (d.applications ?? []).flatMap((a) => (a.transactions ?? []).flatMap((t) => (isObject(t.ratePerSecond) ? Object.keys(t.ratePerSecond) : [])));
    const old = referencesSource((d.userRegions ?? []).map((x) => x.id), index, region.id, id, referenced);
    region.id = id;
    if (old === null || old === id) return;
    for (const app of d.applications ?? []) for (const t of app.transactions ?? []) renameKey(t.ratePerSecond, old, id);
  });
}

export function setRegionLocation(document: unknown, index: number, location: RawRegion['location'] | undefined): unknown {
  return fillMissingLatencies(setAt(document, ['userRegions', index, 'location'], location));
}

// ---------- Applications, components, transactions ----------

function allComponentIds(d: Doc): string[] {
  return (d.applications ?? []).flatMap((a) => (a.components ?? []).map((c) => c.id));
}

function allTransactionIds(d: Doc): string[] {
  return (d.applications ?? []).flatMap((a) => (a.transactions ?? []).map((t) => t.id));
}

export function addApplication(document: unknown): unknown {
  return edit(document, (d) => {
    if (!Array.isArray(d.applications)) d.applications = [];
    const ids = d.applications.map((a) => a.id);
    const n = ids.length + 1;
    d.applications.push({ id: uniqueId(`app-${n}`, ids), name: `Application ${n}`, components: [], transactions: [] });
  });
}

export function removeApplication(document: unknown, index: number): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[index];
    if (!app) return;
    d.applications.splice(index, 1);
    if (d.demand?.profiles) d.demand.profiles = d.demand.profiles.filter((p) => p.application !== app.id);
  });
}

export function renameApplication(document: unknown, index: number, id: string): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[index];
    if (!app) return;
    const old = referencesSource(d.applications.map((x) => x.id), index, app.id, id, (d.demand?.profiles ?? []).map((p) => p.application));
    app.id = id;
    if (old === null || old === id) return;
    for (const p of d.demand?.profiles ?? []) if (p.application === old) p.application = id;
  });
}

/** A new component on the first site and its first server class: the user changes what differs. */
export function addComponent(document: unknown, appIndex: number): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[appIndex];
    if (!app) return;
    if (!Array.isArray(app.components)) app.components = [];
    const ids = allComponentIds(d);
    const firstSite = d.sites?.[0];
    const component: RawComponent = {
      id: uniqueId(`component-${app.components.length + 1}`, ids),
      name: `Component ${app.components.length + 1}`,
      servers: 1,
      serverClass: firstSite?.serverClasses?.[0]?.serverClass ?? 'general',
      storageGB: 0,
      homeSite: firstSite?.id ?? '',
      splittable: false,
    };
    app.components.push(component);
  });
}

/** Removes a component with its calls and processing times; a transaction that enters at it keeps the reference (and says so). */
export function removeComponent(document: unknown, appIndex: number, index: number): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[appIndex];
    const component = app?.components?.[index];
    if (!app || !component) return;
    app.components.splice(index, 1);
    for (const a of d.applications)
      for (const t of a.transactions ?? []) {
        if (Array.isArray(t.calls)) t.calls = t.calls.filter((e) => e.from !== component.id && e.to !== component.id);
        if (isObject(t.processingMs)) delete t.processingMs[component.id];
      }
  });
}

export function renameComponent(document: unknown, appIndex: number, index: number, id: string): unknown {
  return edit(document, (d) => {
    const component = d.applications?.[appIndex]?.components?.[index];
    if (!component) return;
    // Component ids are unique across applications.
    const all = d.applications.flatMap((a) => a.components ?? []);
    const transactions = d.applications.flatMap((a) => a.transactions ?? []);
    const referenced = transactions.flatMap((t) => [t.entryComponent, ...(t.calls ?? []).flatMap((e) => [e.from, e.to]), ...(isObject(t.processingMs) ? Object.keys(t.processingMs) : [])]);
    const old = referencesSource(all.map((x) => x.id), all.indexOf(component), component.id, id, referenced);
    component.id = id;
    if (old === null || old === id) return;
    for (const a of d.applications)
      for (const t of a.transactions ?? []) {
        if (t.entryComponent === old) t.entryComponent = id;
        for (const e of t.calls ?? []) {
          if (e.from === old) e.from = id;
          if (e.to === old) e.to = id;
        }
        renameKey(t.processingMs, old, id);
      }
  });
}

/** A copy next to the original, with a unique id and name; it takes no part in any transaction yet. */
export function duplicateComponent(document: unknown, appIndex: number, index: number): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[appIndex];
    const original = app?.components?.[index];
    if (!app || !original) return;
    const copy = structuredClone(current(original)) as RawComponent;
    copy.id = uniqueId(`${original.id}-copy`, allComponentIds(d));
    copy.name = `${original.name} (copy)`;
    app.components.splice(index + 1, 0, copy);
  });
}

/**
 * A copy of a whole application: its own id, component ids, transaction ids and
 * co-location groups, with every reference inside the copy renamed to the copy's
 * ids. Calls to other applications' components still go to the originals.
 */
export function duplicateApplication(document: unknown, index: number): unknown {
  return edit(document, (d) => {
    const original = d.applications?.[index];
    if (!original) return;
    const copy = structuredClone(current(original)) as RawApplication;
    copy.id = uniqueId(`${original.id}-copy`, d.applications.map((a) => a.id));
    copy.name = `${original.name} (copy)`;
    const componentIds = allComponentIds(d);
    const componentMap = new Map<string, string>();
    for (const c of copy.components ?? []) {
      const id = uniqueId(`${c.id}-copy`, [...componentIds, ...componentMap.values()]);
      componentMap.set(c.id, id);
    }
    const groups = new Set((d.applications ?? []).flatMap((a) => (a.components ?? []).map((c) => c.colocationGroup).filter((g): g is string => typeof g === 'string')));
    const groupMap = new Map<string, string>();
    for (const c of copy.components ?? []) {
      c.id = componentMap.get(c.id) ?? c.id;
      if (typeof c.colocationGroup === 'string') {
        if (!groupMap.has(c.colocationGroup)) groupMap.set(c.colocationGroup, uniqueId(`${c.colocationGroup}-copy`, [...groups, ...groupMap.values()]));
        c.colocationGroup = groupMap.get(c.colocationGroup);
      }
    }
    const rename = (id: string) => componentMap.get(id) ?? id;
    const transactionIds = allTransactionIds(d);
    const newTransactionIds: string[] = [];
    for (const t of copy.transactions ?? []) {
      t.id = uniqueId(`${t.id}-copy`, [...transactionIds, ...newTransactionIds]);
      newTransactionIds.push(t.id);
      t.entryComponent = rename(t.entryComponent);
      for (const e of t.calls ?? []) {
        e.from = rename(e.from);
        e.to = rename(e.to);
      }
      if (isObject(t.processingMs)) t.processingMs = Object.fromEntries(Object.entries(t.processingMs).map(([k, v]) => [rename(k), v]));
    }
    d.applications.splice(index + 1, 0, copy);
  });
}

export function addTransaction(document: unknown, appIndex: number): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[appIndex];
    if (!app) return;
    if (!Array.isArray(app.transactions)) app.transactions = [];
    const n = app.transactions.length + 1;
    app.transactions.push({
      id: uniqueId(`transaction-${n}`, allTransactionIds(d)),
      name: `Transaction ${n}`,
      entryComponent: app.components?.[0]?.id ?? '',
      userRequestBytes: 0,
      userResponseBytes: 0,
      ratePerSecond: {},
      calls: [],
      processingMs: {},
      slo: {},
    });
  });
}

/**
 * Adds a call from `from` to `to` (by default: from the entry to the first
 * component not yet called). Calls are routed in list order, so it goes last.
 */
export function addCall(document: unknown, appIndex: number, transactionIndex: number, ends?: { from: string; to: string }): unknown {
  return edit(document, (d) => {
    const app = d.applications?.[appIndex];
    const t = app?.transactions?.[transactionIndex];
    if (!app || !t) return;
    if (!Array.isArray(t.calls)) t.calls = [];
    const called = new Set([t.entryComponent, ...t.calls.map((e) => e.to)]);
    const from = ends?.from ?? t.calls[t.calls.length - 1]?.to ?? t.entryComponent;
    const to = ends?.to ?? app.components.find((c) => !called.has(c.id))?.id ?? app.components[0]?.id ?? '';
    const call: RawCall = { from, to, callsPerTransaction: 1, requestBytes: 0, responseBytes: 0 };
    t.calls.push(call);
  });
}

/** Replaces a transaction's calls (a traffic import), keeping everything else. */
export function replaceCalls(document: unknown, appIndex: number, transactionIndex: number, calls: RawCall[]): unknown {
  return setAt(document, ['applications', appIndex, 'transactions', transactionIndex, 'calls'], calls);
}

// ---------- Security ----------

function securityOf(d: Draft<Doc>) {
  if (!isObject(d.security)) d.security = { zones: [], rules: [], defaultAction: 'deny' };
  if (!Array.isArray(d.security.zones)) d.security.zones = [];
  if (!Array.isArray(d.security.rules)) d.security.rules = [];
  return d.security;
}

export function addZone(document: unknown): unknown {
  return edit(document, (d) => {
    const security = securityOf(d);
    const ids = security.zones.map((z) => z.id);
    security.zones.push({ id: uniqueId(`zone-${ids.length + 1}`, ids), name: `Zone ${ids.length + 1}` });
  });
}

export function renameZone(document: unknown, index: number, id: string): unknown {
  return edit(document, (d) => {
    const zone = d.security?.zones?.[index];
    if (!zone || !d.security) return;
    const referenced = [
      ...(d.security.rules ?? []).flatMap((r) => [r.source, r.destination]).filter((z) => z !== 'any'),
      ...(d.applications ?? []).flatMap((a) => (a.components ?? []).map((c) => c.securityZone)),
    ];
    const old = referencesSource(d.security.zones.map((x) => x.id), index, zone.id, id, referenced);
    zone.id = id;
    if (old === null || old === id) return;
    for (const rule of d.security.rules ?? []) {
      if (rule.source === old) rule.source = id;
      if (rule.destination === old) rule.destination = id;
    }
    for (const app of d.applications ?? []) for (const c of app.components ?? []) if (c.securityZone === old) c.securityZone = id;
  });
}

export function addRule(document: unknown): unknown {
  return edit(document, (d) => {
    const security = securityOf(d);
    const ids = security.rules.map((r) => r.id);
    security.rules.push({ id: uniqueId(`rule-${ids.length + 1}`, ids), action: 'allow', source: 'any', destination: 'any', protocol: 'tcp', ports: 'any' });
  });
}

// ---------- Demand ----------

export function setDemand(document: unknown, demand: Doc['demand'] | undefined): unknown {
  return setAt(document, ['demand'], demand);
}
