import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../planner';
import webshop from '../../planner/samples/webshop.json' with { type: 'json' };
import { setAt } from './scenarioEdits';
import { fieldForIssue, fieldId, issuesByPath, pathAncestors, pathKey } from './paths';

describe('path → field mapping', () => {
  it('a field path is written as the validator writes issue paths', () => {
    const doc = setAt(webshop, ['applications', 0, 'components', 2, 'servers'], -3);
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = issuesByPath(parsed.issues);
    const key = pathKey(['applications', 0, 'components', 2, 'servers']);
    expect(byPath.get(key)?.map((i) => i.message)).toEqual(['applications[0].components[2].servers must be a whole number ≥ 1, got -3']);
  });

  it('record keys that are not identifiers are quoted the same way on both sides', () => {
    const doc = setAt(webshop, ['userRegions', 0, 'latencyToSites', 'dc-chicago', 'p95Ms'], 1);
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const key = pathKey(['userRegions', 0, 'latencyToSites', 'dc-chicago', 'p95Ms']);
    expect(key).toBe('userRegions[0].latencyToSites["dc-chicago"].p95Ms');
    expect(issuesByPath(parsed.issues).get(key)?.[0]?.message).toBe(`${key} p95Ms must be at least meanMs, got 1`);
  });

  it('ancestors go from the issue up to the document, keeping quoted keys whole', () => {
    expect(pathAncestors('sites[1].capacity.servers')).toEqual(['sites[1].capacity.servers', 'sites[1].capacity', 'sites[1]', 'sites', '']);
    expect(pathAncestors('a["x.y"].b')).toEqual(['a["x.y"].b', 'a["x.y"]', 'a', '']);
  });

  it('an issue goes to its own field, else to the closest section that has one', () => {
    const present = new Set([fieldId('network.links'), fieldId('sites[0].name')]);
    const has = (id: string) => present.has(id);
    expect(fieldForIssue({ path: 'sites[0].name', message: '' }, has)).toBe(fieldId('sites[0].name'));
    expect(fieldForIssue({ path: 'network.links[4].between[1]', message: '' }, has)).toBe(fieldId('network.links'));
    expect(fieldForIssue({ path: 'demand', message: '' }, has)).toBeNull();
  });

  it('field ids are distinct for distinct paths and safe in selectors', () => {
    const a = fieldId('userRegions[0].latencyToSites["dc-chicago"].meanMs');
    const b = fieldId('userRegions[0].latencyToSites["dc_chicago"].meanMs');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
