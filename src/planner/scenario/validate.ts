/**
 * Turns untrusted input (a file, a link, an editor's state) into a Scenario, or
 * into a list of messages that name the path and the problem in plain words:
 *   applications[0].components[2].servers must be a whole number ≥ 1, got -3
 */
import type { z } from 'zod';
import { migrateToCurrent, type Migration, MIGRATIONS } from './migrate';
import { ScenarioSchema, type Scenario } from './schema';

export interface ValidationIssue {
  /** Dotted path into the document, e.g. `sites[1].capacity.servers`; empty for the whole file. */
  path: string;
  /** A full sentence that starts with the path. */
  message: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; migrationsApplied: string[] }
  | { ok: false; issues: ValidationIssue[] };

export function parseScenarioJson(text: string, migrations?: readonly Migration[]): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: describeJsonSyntaxError(text, error) }] };
  }
  return parseScenario(data, migrations);
}

export function parseScenario(input: unknown, migrations: readonly Migration[] = MIGRATIONS): ParseResult {
  const migrated = migrateToCurrent(input, migrations);
  if (!migrated.ok) return { ok: false, issues: [{ path: 'formatVersion', message: migrated.message }] };

  const parsed = ScenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => describeSchemaIssue(issue, migrated.doc)) };
  }
  const crossIssues = checkReferences(parsed.data);
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return { ok: true, scenario: parsed.data, migrationsApplied: migrated.applied };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function showValue(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeSchemaIssue(issue: z.core.$ZodIssue, doc: unknown): ValidationIssue {
  const path = formatPath(issue.path);
  const value = valueAt(doc, issue.path);
  const subject = path || 'the scenario';
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return { path, message: `${subject} has unknown field${issue.keys.length > 1 ? 's' : ''} ${names} (check the spelling)` };
  }
  if (value === undefined && issue.code === 'invalid_type') {
    return { path, message: `${subject} is required` };
  }
  const problem = issue.message.startsWith('Invalid') ? `is invalid (${issue.message})` : issue.message;
  return { path, message: `${subject} ${problem}, got ${showValue(value)}` };
}

function describeJsonSyntaxError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw);
  const lineColumn = /line (\d+) column (\d+)/.exec(raw);
  let where = '';
  if (lineColumn) where = ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  else if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    where = ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
  } else if (text.trim() === '') return 'the file is empty, expected a JSON scenario';
  const reason = raw.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+.*$/, '');
  return `the file is not valid JSON${where}: ${reason}`;
}

/** Checks that the schema cannot express: ids that must exist, be unique, or be complete. */
export function checkReferences(s: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (path: PropertyKey[], message: string) => {
    const p = formatPath(path);
    issues.push({ path: p, message: `${p} ${message}` });
  };
  const uniqueIds = (items: readonly { id: string }[], base: PropertyKey[], what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) report([...base, i, 'id'], `repeats the ${what} id "${item.id}" already used by ${formatPath([...base, first])}`);
      else seen.set(item.id, i);
    });
  };

  const siteById = new Map(s.sites.map((site) => [site.id, site]));
  uniqueIds(s.sites, ['sites'], 'site');
  s.sites.forEach((site, i) => {
    const classes = new Set<string>();
    site.serverClasses.forEach((c, j) => {
      if (classes.has(c.serverClass))
        report(['sites', i, 'serverClasses', j, 'serverClass'], `prices "${c.serverClass}" twice at site "${site.id}"`);
      classes.add(c.serverClass);
      if (site.capacity.vcpus !== undefined && c.vcpus === undefined)
        report(['sites', i, 'serverClasses', j, 'vcpus'], `is required because the site's capacity is given in vCPUs`);
    });
  });

  // Network: every pair of distinct sites needs exactly one link.
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const linked = new Map<string, number>();
  s.network.links.forEach((link, i) => {
    const [a, b] = link.between;
    let known = true;
    for (const [j, site] of [a, b].entries()) {
      if (!siteById.has(site)) {
        report(['network', 'links', i, 'between', j], `names an unknown site "${site}"`);
        known = false;
      }
    }
    if (a === b) {
      report(['network', 'links', i, 'between'], `connects site "${a}" to itself; intra-site latency is network.intraSiteLatency`);
      return;
    }
    const key = pairKey(a, b);
    const first = linked.get(key);
    if (first !== undefined) report(['network', 'links', i], `repeats the link between "${a}" and "${b}" already given by network.links[${first}]`);
    else if (known) linked.set(key, i);
  });
  for (let i = 0; i < s.sites.length; i++) {
    for (let j = i + 1; j < s.sites.length; j++) {
      const a = s.sites[i]!.id;
      const b = s.sites[j]!.id;
      if (!linked.has(pairKey(a, b))) report(['network', 'links'], `is missing the link between sites "${a}" and "${b}"`);
    }
  }

  uniqueIds(s.userRegions, ['userRegions'], 'user region');
  const regionIds = new Set(s.userRegions.map((r) => r.id));
  s.userRegions.forEach((region, i) => {
    for (const siteId of Object.keys(region.latencyToSites)) {
      if (!siteById.has(siteId)) report(['userRegions', i, 'latencyToSites', siteId], `names an unknown site "${siteId}"`);
    }
    for (const site of s.sites) {
      if (!(site.id in region.latencyToSites))
        report(['userRegions', i, 'latencyToSites'], `is missing the latency from "${region.id}" to site "${site.id}"`);
    }
  });

  uniqueIds(s.applications, ['applications'], 'application');
  const zoneIds = new Set(s.security?.zones.map((z) => z.id) ?? []);
  const allComponents = s.applications.flatMap((app, a) => app.components.map((c, k) => ({ c, path: ['applications', a, 'components', k] as PropertyKey[] })));
  const componentIds = new Set<string>();
  const componentById = new Map<string, (typeof allComponents)[number]>();
  for (const { c, path } of allComponents) {
    const first = componentById.get(c.id);
    if (first) report([...path, 'id'], `repeats the component id "${c.id}" already used by ${formatPath(first.path)}`);
    else componentById.set(c.id, { c, path });
    componentIds.add(c.id);
  }
  for (const { c, path } of allComponents) {
    const prices = (siteId: string) => siteById.get(siteId)?.serverClasses.some((p) => p.serverClass === c.serverClass);
    if (!siteById.has(c.homeSite)) report([...path, 'homeSite'], `names an unknown site "${c.homeSite}"`);
    else if (!prices(c.homeSite)) report([...path, 'serverClass'], `"${c.serverClass}" has no price at its home site "${c.homeSite}"`);
    c.allowedSites?.forEach((siteId, j) => {
      if (!siteById.has(siteId)) report([...path, 'allowedSites', j], `names an unknown site "${siteId}"`);
      else if (!prices(siteId)) report([...path, 'allowedSites', j], `site "${siteId}" has no price for server class "${c.serverClass}"`);
    });
    if (c.allowedSites && c.allowedSites.length === 0) report([...path, 'allowedSites'], 'must name at least one site (omit it to allow every site)');
    if (c.allowedSites && siteById.has(c.homeSite) && !c.allowedSites.includes(c.homeSite))
      report([...path, 'allowedSites'], `does not include the home site "${c.homeSite}", so today's layout would be invalid`);
    if (c.securityZone !== undefined && !zoneIds.has(c.securityZone))
      report([...path, 'securityZone'], `names an unknown security zone "${c.securityZone}"`);
  }

  // A co-location group must have at least one site every member may use.
  const groups = new Map<string, (typeof allComponents)[number][]>();
  for (const entry of allComponents) {
    if (entry.c.colocationGroup) groups.set(entry.c.colocationGroup, [...(groups.get(entry.c.colocationGroup) ?? []), entry]);
  }
  for (const [group, members] of groups) {
    const common = s.sites.filter((site) => members.every(({ c }) => allowedSitesOf(c, s).includes(site.id)));
    if (common.length === 0)
      report([...members[0]!.path, 'colocationGroup'], `"${group}" cannot be satisfied: no site is allowed for all of ${members.map(({ c }) => `"${c.id}"`).join(', ')}`);
  }

  const transactionIds = new Map<string, string>();
  s.applications.forEach((app, a) => {
    app.transactions.forEach((t, k) => {
      const path: PropertyKey[] = ['applications', a, 'transactions', k];
      const first = transactionIds.get(t.id);
      if (first) report([...path, 'id'], `repeats the transaction id "${t.id}" already used by ${first}`);
      else transactionIds.set(t.id, formatPath(path));
      if (!componentIds.has(t.entryComponent)) report([...path, 'entryComponent'], `names an unknown component "${t.entryComponent}"`);
      for (const regionId of Object.keys(t.ratePerSecond)) {
        if (!regionIds.has(regionId)) report([...path, 'ratePerSecond', regionId], `names an unknown user region "${regionId}"`);
      }
      // Requests are routed along the calls in list order (see planner/layout/layout.ts), so a caller
      // must already have been reached: by being the entry or the callee of an earlier call.
      const reached = new Set([t.entryComponent]);
      t.calls.forEach((edge, e) => {
        for (const end of ['from', 'to'] as const) {
          if (!componentIds.has(edge[end])) report([...path, 'calls', e, end], `names an unknown component "${edge[end]}"`);
        }
        if (componentIds.has(edge.from) && !reached.has(edge.from))
          report([...path, 'calls', e, 'from'], `"${edge.from}" is called before anything calls it: list calls from the entry component "${t.entryComponent}" outwards`);
        reached.add(edge.to);
      });
      for (const componentId of Object.keys(t.processingMs)) {
        if (!componentIds.has(componentId)) report([...path, 'processingMs', componentId], `names an unknown component "${componentId}"`);
      }
    });
  });

  if (s.security) {
    uniqueIds(s.security.zones, ['security', 'zones'], 'zone');
    uniqueIds(s.security.rules, ['security', 'rules'], 'rule');
    s.security.rules.forEach((rule, r) => {
      for (const end of ['source', 'destination'] as const) {
        if (rule[end] !== 'any' && !zoneIds.has(rule[end]))
          report(['security', 'rules', r, end], `names an unknown security zone "${rule[end]}"`);
      }
      const range = rule.ports === 'any' ? null : rule.ports.split('-').map(Number);
      if (range && (range.some((p) => p < 1 || p > 65535) || (range.length === 2 && range[0]! > range[1]!)))
        report(['security', 'rules', r, 'ports'], `must be ports from 1 to 65535 with the lower first, got "${rule.ports}"`);
    });
  }

  if (s.demand) {
    const appIds = new Set(s.applications.map((a) => a.id));
    const length = s.demand.profiles[0]?.values.length;
    const seen = new Set<string>();
    s.demand.profiles.forEach((profile, p) => {
      if (!appIds.has(profile.application)) report(['demand', 'profiles', p, 'application'], `names an unknown application "${profile.application}"`);
      if (seen.has(profile.application)) report(['demand', 'profiles', p, 'application'], `repeats the profile of application "${profile.application}"`);
      seen.add(profile.application);
      if (profile.values.length !== length)
        report(['demand', 'profiles', p, 'values'], `has ${profile.values.length} periods, but demand.profiles[0] has ${length}; every profile must cover the same periods`);
    });
  }
  return issues;
}

/** The sites a component may run at: its explicit list, or every site that prices its server class. */
export function allowedSitesOf(c: Scenario['applications'][number]['components'][number], s: Scenario): string[] {
  if (c.allowedSites) return c.allowedSites;
  return s.sites.filter((site) => site.serverClasses.some((p) => p.serverClass === c.serverClass)).map((site) => site.id);
}
