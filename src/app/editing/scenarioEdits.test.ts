import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../planner';
import webshop from '../../planner/samples/webshop.json' with { type: 'json' };
import { COALESCE_MS, editClock, useAppStore } from '../store';
import { getAt } from './paths';
import {
  addCall,
  addSite,
  addUserRegion,
  duplicateApplication,
  duplicateComponent,
  emptyScenario,
  estimateForLink,
  moveAt,
  newSite,
  removeComponent,
  removeSite,
  renameComponent,
  renameSite,
  renameUserRegion,
  setAt,
  setSiteLocation,
  uniqueId,
} from './scenarioEdits';

type Doc = typeof webshop;
const store = () => useAppStore.getState();
const doc = () => store().document as Doc;

let now = 0;
beforeEach(() => {
  now = 1_000_000;
  editClock.now = () => now;
  store().openScenario(structuredClone(webshop), { kind: 'sample', sampleId: 'webshop' });
});

describe('store editing actions', () => {
  it('an edit produces a new document and leaves the old one untouched', () => {
    const before = doc();
    store().edit((d) => setAt(d, ['applications', 0, 'components', 0, 'servers'], 9));
    expect(doc().applications[0]!.components[0]!.servers).toBe(9);
    expect(before.applications[0]!.components[0]!.servers).toBe(6);
    // Unchanged parts are shared, so their validation and hashes are reused.
    expect(doc().sites).toBe(before.sites);
  });

  it('undo and redo walk the history; a new edit drops the redo branch', () => {
    const path = ['applications', 0, 'components', 0, 'servers'];
    store().edit((d) => setAt(d, path, 7), 'a');
    now += COALESCE_MS + 1;
    store().edit((d) => setAt(d, path, 8), 'a');
    expect(getAt(doc(), path)).toBe(8);
    store().undo();
    expect(getAt(doc(), path)).toBe(7);
    store().undo();
    expect(getAt(doc(), path)).toBe(6);
    store().undo(); // nothing more to undo
    expect(getAt(doc(), path)).toBe(6);
    store().redo();
    expect(getAt(doc(), path)).toBe(7);
    store().edit((d) => setAt(d, ['name'], 'Renamed'));
    expect(store().history.future).toEqual([]);
    store().redo();
    expect(getAt(doc(), path)).toBe(7);
  });

  it('keystrokes in one field within the coalescing window are one undo step; another field is its own step', () => {
    const servers = ['applications', 0, 'components', 0, 'servers'];
    for (const v of [1, 12, 123]) {
      store().edit((d) => setAt(d, servers, v), 'servers');
      now += 100;
    }
    store().edit((d) => setAt(d, ['name'], 'X'), 'name');
    store().undo();
    expect(getAt(doc(), ['name'])).toBe(webshop.name);
    expect(getAt(doc(), servers)).toBe(123);
    store().undo();
    expect(getAt(doc(), servers)).toBe(6);
  });

  it('every edit bumps the revision (runs of the old document stop); a load clears the history', () => {
    const r = store().revision;
    store().edit((d) => setAt(d, ['name'], 'Y'));
    expect(store().revision).toBe(r + 1);
    store().loadSample('webshop');
    expect(store().history.past).toEqual([]);
  });

  it('a new empty scenario is undoable and says where it came from', () => {
    store().newScenario();
    expect(store().source).toEqual({ kind: 'new' });
    expect((doc() as unknown as { sites: unknown[] }).sites).toEqual([]);
    const parsed = parseScenario(doc());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message)).toContain('sites must list at least one site, got []');
    store().undo();
    expect(store().source).toEqual({ kind: 'sample', sampleId: 'webshop' });
    expect(doc().name).toBe(webshop.name);
  });
});

describe('document edits', () => {
  it('uniqueId appends the first free number', () => {
    expect(uniqueId('web', [])).toBe('web');
    expect(uniqueId('web', ['web', 'web-2'])).toBe('web-3');
  });

  it('adding a located site adds estimated links to every site and user latencies; the scenario stays valid', () => {
    const site = { ...newSite(webshop, 'cloud'), id: 'aws-eu-central-1', location: { lat: 50.11, lon: 8.68 }, serverClasses: webshop.sites[1]!.serverClasses as ReturnType<typeof newSite>['serverClasses'] };
    const next = addSite(webshop, site) as Doc;
    const links = next.network.links.filter((l) => l.between.includes('aws-eu-central-1'));
    expect(links.map((l) => l.between[0])).toEqual(['dc-chicago', 'aws-us-east-1', 'aws-eu-west-1']);
    const dublin = links[2]!.latency;
    const chicago = links[0]!.latency;
    // Frankfurt is much closer to Dublin than to Chicago.
    expect(dublin.meanMs).toBeLessThan(chicago.meanMs);
    expect(links[0]!.bandwidthMbps).toBe(1000);
    for (const region of next.userRegions) expect(region.latencyToSites).toHaveProperty('aws-eu-central-1');
    expect(parseScenario(next).ok).toBe(true);
  });

  it('a site without a location gets links without latency, and the validator asks for them; a location then fills them', () => {
    const next = addSite(webshop, { ...newSite(webshop), id: 'dc-2' });
    const parsed = parseScenario(next);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message)).toContain('network.links[3].latency is required');
    const located = setSiteLocation(next, 3, { lat: 40.7, lon: -74 }) as Doc;
    expect(located.network.links[3]!.latency.meanMs).toBeGreaterThan(0);
    expect(estimateForLink(located, 3)).toEqual(located.network.links[3]!.latency);
  });

  it('renaming a site carries the new id to links, user latencies, home sites and allowed sites', () => {
    const withAllowed = setAt(webshop, ['applications', 0, 'components', 4, 'allowedSites'], ['dc-chicago', 'aws-us-east-1']);
    const next = renameSite(withAllowed, 0, 'dc-chi') as Doc;
    expect(next.network.links[0]!.between).toEqual(['dc-chi', 'aws-us-east-1']);
    expect(Object.keys(next.userRegions[0]!.latencyToSites)).toEqual(['dc-chi', 'aws-us-east-1', 'aws-eu-west-1']);
    expect(next.applications[0]!.components.every((c) => c.homeSite === 'dc-chi')).toBe(true);
    expect((next.applications[0]!.components[4] as { allowedSites?: string[] }).allowedSites).toEqual(['dc-chi', 'aws-us-east-1']);
    expect(parseScenario(next).ok).toBe(true);
  });

  it('typing a site id through another site’s id keeps both sites’ references, and they follow to the final id', () => {
    // Sites dc-chicago, aws-us-east-1, aws-eu-west-1: retype the third as "aws-us-east-1" on its way to "aws-us-east-12".
    const through = renameSite(webshop, 2, 'aws-us-east-1') as Doc;
    // While the ids clash nothing moves: the second site's references are its own.
    expect(through.network.links.map((l) => l.between)).toEqual(webshop.network.links.map((l) => l.between));
    expect(parseScenario(through).ok).toBe(false);
    // Unique again: the references the third site had (now nobody's) follow it.
    const after = renameSite(through, 2, 'aws-us-east-12') as Doc;
    const renamed = (ids: string[]) => ids.map((x) => (x === 'aws-eu-west-1' ? 'aws-us-east-12' : x));
    expect(after.network.links.map((l) => l.between)).toEqual(webshop.network.links.map((l) => renamed(l.between as string[])));
    expect(Object.keys(after.userRegions[0]!.latencyToSites)).toEqual(renamed(Object.keys(webshop.userRegions[0]!.latencyToSites)));
    expect(parseScenario(after).ok).toBe(true);
  });

  it('removing the only allowed site of a component leaves an empty list for the validator, not "every site"', () => {
    const pinned = setAt(webshop, ['applications', 0, 'components', 4, 'allowedSites'], ['aws-eu-west-1']);
    const next = removeSite(pinned, 2) as Doc;
    expect((next.applications[0]!.components[4] as { allowedSites?: string[] }).allowedSites).toEqual([]);
    expect(parseScenario(next).ok).toBe(false);
  });

  it('removing a site removes its links and latencies', () => {
    const next = removeSite(webshop, 2) as Doc;
    expect(next.network.links.map((l) => l.between)).toEqual([['dc-chicago', 'aws-us-east-1']]);
    expect(Object.keys(next.userRegions[2]!.latencyToSites)).toEqual(['dc-chicago', 'aws-us-east-1']);
    expect(parseScenario(next).ok).toBe(true);
  });

  it('renaming a user region renames its rates', () => {
    const next = renameUserRegion(webshop, 2, 'eu') as Doc;
    expect(next.applications[0]!.transactions[0]!.ratePerSecond).toEqual({ 'staff-chicago': 0.5, 'customers-na': 30, eu: 12 });
    expect(parseScenario(next).ok).toBe(true);
  });

  it('a new user region starts with no latencies, and the validator lists each missing site', () => {
    const next = addUserRegion(webshop);
    const parsed = parseScenario(next);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.filter((i) => i.path === 'userRegions[3].latencyToSites')).toHaveLength(3);
  });

  it('renaming a component renames entries, calls and processing times', () => {
    const next = renameComponent(webshop, 0, 1, 'api') as Doc;
    const backoffice = next.applications[0]!.transactions[3]!;
    expect(backoffice.entryComponent).toBe('api');
    expect(backoffice.calls[0]!.from).toBe('api');
    expect(Object.keys(backoffice.processingMs)).toEqual(['api', 'db']);
    expect(parseScenario(next).ok).toBe(true);
  });

  it('removing a component removes its calls and processing times', () => {
    const next = removeComponent(webshop, 0, 2) as Doc;
    expect(next.applications[0]!.transactions[0]!.calls.map((c) => c.to)).toEqual(['app', 'db']);
    expect(next.applications[0]!.transactions[0]!.processingMs).not.toHaveProperty('cache');
    expect(parseScenario(next).ok).toBe(true);
  });

  it('duplicating a component gives it a unique id next to the original', () => {
    const next = duplicateComponent(duplicateComponent(webshop, 0, 0), 0, 0) as Doc;
    expect(next.applications[0]!.components.map((c) => c.id).slice(0, 3)).toEqual(['web', 'web-copy-2', 'web-copy']);
    expect(parseScenario(next).ok).toBe(true);
  });

  it('duplicating an application renames its ids and every reference inside the copy', () => {
    const grouped = setAt(setAt(webshop, ['applications', 0, 'components', 3, 'colocationGroup'], 'data'), ['applications', 0, 'components', 4, 'colocationGroup'], 'data');
    const next = duplicateApplication(grouped, 0) as Doc;
    const copy = next.applications[1]!;
    expect(copy.id).toBe('shop-copy');
    expect(copy.components.map((c) => c.id)).toEqual(['web-copy', 'app-copy', 'cache-copy', 'search-copy', 'db-copy']);
    expect(copy.components.map((c) => (c as { colocationGroup?: string }).colocationGroup)).toEqual([undefined, undefined, undefined, 'data-copy', 'data-copy']);
    expect(copy.transactions.map((t) => t.id)).toEqual(['browse-copy', 'search-copy', 'checkout-copy', 'backoffice-copy']);
    expect(copy.transactions[3]!.entryComponent).toBe('app-copy');
    expect(copy.transactions[0]!.calls.map((c) => `${c.from}>${c.to}`)).toEqual(['web-copy>app-copy', 'app-copy>cache-copy', 'app-copy>db-copy']);
    expect(Object.keys(copy.transactions[0]!.processingMs)).toEqual(['web-copy', 'app-copy', 'cache-copy', 'db-copy']);
    // The original is untouched and the whole is valid.
    expect(next.applications[0]!.components[0]!.id).toBe('web');
    expect(parseScenario(next).ok).toBe(true);
  });

  it('adds a call after the last callee and moves list items', () => {
    const next = addCall(webshop, 0, 3) as Doc;
    expect(next.applications[0]!.transactions[3]!.calls[1]).toMatchObject({ from: 'db', callsPerTransaction: 1 });
    const moved = moveAt(webshop, ['applications', 0, 'transactions', 0, 'calls'], 2, 1) as Doc;
    expect(moved.applications[0]!.transactions[0]!.calls.map((c) => c.to)).toEqual(['app', 'db', 'cache']);
  });

  it('setAt with undefined removes an optional field; an empty scenario starts from today', () => {
    const next = setAt(webshop, ['sites', 0, 'capacity', 'servers'], undefined) as Doc;
    expect(next.sites[0]!.capacity).toEqual({});
    expect(emptyScenario('2026-01-02').pricing.asOf).toBe('2026-01-02');
  });
});
