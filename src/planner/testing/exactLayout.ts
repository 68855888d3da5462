/**
 * Exhaustive layout search for small scenarios: every way of spreading each
 * component's servers over its allowed sites (all on one site when it is not
 * splittable), with the best routing for that spread found as an LP. It checks
 * the MILP's branch-and-bound over the integer decisions; the evaluator checks
 * what the MILP's numbers mean.
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { solveModel, type GLPK } from '../solver/glpk';
import type { ServerCounts } from '../layout/layout';
import { buildLayoutModel, DEFAULT_LAYOUT_MODEL_OPTIONS, type LayoutModelOptions } from '../placement/layoutModel';

function spreads(total: number, sites: string[], splittable: boolean): Record<string, number>[] {
  if (!splittable || total === 1) return sites.map((s) => ({ [s]: total }));
  const out: Record<string, number>[] = [];
  const place = (i: number, left: number, acc: Record<string, number>) => {
    if (i === sites.length - 1) {
      out.push(left > 0 ? { ...acc, [sites[i]!]: left } : { ...acc });
      return;
    }
    for (let k = 0; k <= left; k++) place(i + 1, left - k, k > 0 ? { ...acc, [sites[i]!]: k } : acc);
  };
  place(0, total, {});
  return out;
}

export function exhaustiveLayout(s: Scenario, glpk: GLPK, options: LayoutModelOptions = DEFAULT_LAYOUT_MODEL_OPTIONS, limit = 5000): { objective: number; servers: ServerCounts; tried: number } | null {
  const built = buildLayoutModel(s, options);
  const components = s.applications.flatMap((a) => a.components);
  const choices = components.map((c) => spreads(c.servers, allowedSitesOf(c, s), c.splittable));
  const count = choices.reduce((n, c) => n * c.length, 1);
  if (count > limit) throw new Error(`exhaustive layout search would try ${count} spreads (limit ${limit})`);
  let best: { objective: number; servers: ServerCounts; tried: number } | null = null;
  let tried = 0;
  const counts: ServerCounts = {};
  const visit = (i: number) => {
    if (i === components.length) {
      // Capacity first: most spreads fail it, and it costs no LP.
      for (const site of s.sites) {
        if (site.capacity.servers === undefined) continue;
        const used = components.reduce((n, c) => n + (counts[c.id]![site.id] ?? 0), 0);
        if (used > site.capacity.servers) return;
      }
      tried++;
      const outcome = solveModel(glpk, built.fixServers(counts));
      if (outcome.status === 'optimal' && (best === null || outcome.objective < best.objective - 1e-9))
        best = { objective: outcome.objective, servers: structuredClone(counts), tried: 0 };
      return;
    }
    for (const spread of choices[i]!) {
      counts[components[i]!.id] = spread;
      visit(i + 1);
    }
  };
  visit(0);
  return best === null ? null : { ...(best as { objective: number; servers: ServerCounts }), tried };
}
