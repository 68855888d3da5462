import { useId } from 'react';
import { formatInteger } from '../app/format';
import { siteColours } from '../app/siteColours';
import type { Application, Scenario } from '../planner';
import type { ServerCounts } from '../planner/layout/layout';

const NODE_W = 184;
const NODE_H = 58;
const COL_GAP = 56;
const ROW_GAP = 18;
const PAD = 12;
const LINE_CHARS = 22;

interface Placed {
  id: string;
  name: string;
  /** A component of another application that this one calls (drawn dashed, named with its application). */
  owner?: string;
  x: number;
  y: number;
  depth: number;
  /** Sites hosting the component with their share of its servers, in the scenario's site order. */
  shares: { siteId: string; servers: number; share: number }[];
  servers: number;
}

/**
 * Columns by call depth: the longest chain of calls from a transaction's entry
 * component (calls that close a cycle are ignored); components no call reaches come last.
 */
export function callDepths(app: Application): Map<string, number> {
  const edges = app.transactions.flatMap((t) => t.calls).filter((e) => e.from !== e.to);
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  // Depth-first from the entries: finishing order reversed is a topological order of the forward edges.
  const state = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const forward: [string, string][] = [];
  const visit = (c: string) => {
    state.set(c, 'open');
    for (const next of out.get(c) ?? []) {
      if (state.get(next) === 'open') continue; // closes a cycle
      forward.push([c, next]);
      if (!state.has(next)) visit(next);
    }
    state.set(c, 'done');
    finished.push(c);
  };
  for (const t of app.transactions) if (!state.has(t.entryComponent)) visit(t.entryComponent);
  const depth = new Map<string, number>(finished.map((c) => [c, 0]));
  for (const c of finished.reverse()) for (const [from, to] of forward) if (from === c) depth.set(to, Math.max(depth.get(to)!, depth.get(c)! + 1));
  const last = Math.max(-1, ...depth.values()) + 1;
  for (const c of app.components) if (!depth.has(c.id)) depth.set(c.id, last);
  return depth;
}

/** Up to two lines of at most LINE_CHARS characters, the second cut with an ellipsis. */
function wrapName(name: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= LINE_CHARS || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS - 1)}…` : l));
  const second = lines.slice(1).join(' ');
  return [lines[0]!.slice(0, LINE_CHARS), `${second.slice(0, LINE_CHARS - 1)}…`];
}

function layoutApp(app: Application, scenario: Scenario, servers: ServerCounts): { nodes: Placed[]; width: number; height: number } {
  const siteOrder = scenario.sites.map((s) => s.id);
  const depths = callDepths(app);
  const rowsUsed = new Map<number, number>();
  const own = new Set(app.components.map((c) => c.id));
  const owners = new Map(scenario.applications.flatMap((a) => a.components.map((c) => [c.id, { c, app: a.name }] as const)));
  const external = [...depths.keys()].filter((id) => !own.has(id) && owners.has(id)).map((id) => owners.get(id)!);
  const members = [...app.components.map((c) => ({ c, app: undefined as string | undefined })), ...external];
  const nodes = members.map(({ c, app: owner }) => {
    const depth = depths.get(c.id)!;
    const row = rowsUsed.get(depth) ?? 0;
    rowsUsed.set(depth, row + 1);
    const counts = siteOrder.map((siteId) => ({ siteId, servers: servers[c.id]?.[siteId] ?? 0 })).filter((s) => s.servers > 0);
    const total = counts.reduce((sum, s) => sum + s.servers, 0);
    return {
      id: c.id,
      name: c.name,
      ...(owner !== undefined ? { owner } : {}),
      depth,
      x: PAD + depth * (NODE_W + COL_GAP),
      y: PAD + row * (NODE_H + ROW_GAP),
      shares: counts.map((s) => ({ ...s, share: total > 0 ? s.servers / total : 0 })),
      servers: total,
    };
  });
  const columns = Math.max(...nodes.map((n) => n.depth)) + 1;
  const rows = Math.max(...rowsUsed.values());
  return { nodes, width: PAD * 2 + columns * NODE_W + (columns - 1) * COL_GAP, height: PAD * 2 + rows * NODE_H + (rows - 1) * ROW_GAP };
}

function edgePath(a: Placed, b: Placed): string {
  if (b.depth > a.depth) {
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x - 2;
    const y2 = b.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
  }
  // Same column or backwards: loop out to the right of both.
  const x1 = a.x + NODE_W;
  const y1 = a.y + NODE_H * 0.7;
  const x2 = b.x + NODE_W + 2;
  const y2 = b.y + NODE_H * 0.3;
  const bulge = Math.max(x1, x2) + COL_GAP * 0.6;
  return `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`;
}

function ApplicationTopology({ app, servers, scenario, colours }: { app: Application; servers: ServerCounts; scenario: Scenario; colours: Record<string, string> }) {
  // Used in url(#…) references: keep to characters that need no escaping.
  const markerId = `topology${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const siteName = new Map(scenario.sites.map((s) => [s.id, s.name]));
  const { nodes, width, height } = layoutApp(app, scenario, servers);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeKeys = new Set<string>();
  const edges = app.transactions
    .flatMap((t) => t.calls)
    .filter((e) => e.from !== e.to && byId.has(e.from) && byId.has(e.to))
    .filter((e) => {
      const key = `${e.from}>${e.to}`;
      if (edgeKeys.has(key)) return false;
      edgeKeys.add(key);
      return true;
    });
  const describe = (n: Placed) =>
    `${n.name}${n.owner !== undefined ? ` (${n.owner})` : ''}: ${n.shares.map((s) => `${formatInteger(s.servers)} at ${siteName.get(s.siteId) ?? s.siteId}`).join(', ') || 'no servers'}`;
  // Room on the right for loops drawn back into the last column.
  const svgWidth = width + COL_GAP * 0.6;
  return (
    <figure className="topology">
      <figcaption>{app.name}</figcaption>
      <svg
        viewBox={`0 0 ${svgWidth} ${height}`}
        width={svgWidth}
        height={height}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label={`${app.name}: ${nodes.map(describe).join('; ')}`}
      >
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#5b6575" />
          </marker>
        </defs>
        {edges.map((e) => (
          <path key={`${e.from}>${e.to}`} d={edgePath(byId.get(e.from)!, byId.get(e.to)!)} fill="none" stroke="#8a94a6" strokeWidth={1.5} markerEnd={`url(#${markerId})`} />
        ))}
        {nodes.map((n) => {
          const clip = `${markerId}-clip-${n.id.replace(/[^a-zA-Z0-9_-]/g, '_')}-${nodes.indexOf(n)}`;
          let offset = 0;
          const lines = wrapName(n.name);
          return (
            <g
              key={n.id}
              data-testid="topology-node"
              data-component={n.id}
              data-sites={n.shares.map((s) => s.siteId).join(' ')}
              className={n.owner !== undefined ? 'topology-external' : undefined}
            >
              <title>{describe(n)}</title>
              <clipPath id={clip}>
                <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={7} />
              </clipPath>
              <g clipPath={`url(#${clip})`}>
                {n.shares.length === 0 && <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} fill="#c5cbd4" />}
                {n.shares.map((s) => {
                  const x = n.x + offset * NODE_W;
                  offset += s.share;
                  return <rect key={s.siteId} x={x} y={n.y} width={s.share * NODE_W + 0.5} height={NODE_H} fill={colours[s.siteId]} />;
                })}
              </g>
              {n.owner !== undefined && <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={7} fill="none" stroke="#1b2330" strokeDasharray="5 4" />}
              <text className="topology-label" x={n.x + 9} y={n.y + 18}>
                {lines.map((line, i) => (
                  <tspan key={i} x={n.x + 9} dy={i === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text className="topology-sub" x={n.x + 9} y={n.y + NODE_H - 8}>
                {n.owner !== undefined ? `${n.owner.length > 16 ? `${n.owner.slice(0, 15)}…` : n.owner} · ` : ''}
                {formatInteger(n.servers)} server{n.servers === 1 ? '' : 's'}
                {n.shares.length > 1 ? ` · split ${n.shares.map((s) => formatInteger(s.servers)).join(' + ')}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Every application's components and calls, each component coloured by the site(s) its servers run at. */
export function TopologyView({ scenario, servers }: { scenario: Scenario; servers: ServerCounts }) {
  const colours = siteColours(scenario);
  const used = new Set(Object.values(servers).flatMap((bySite) => Object.entries(bySite).filter(([, n]) => n > 0).map(([siteId]) => siteId)));
  return (
    <div className="topology-view">
      <ul className="legend" aria-label="Site colours">
        {scenario.sites.map((site) => (
          <li key={site.id} className={used.has(site.id) ? undefined : 'muted'}>
            <span className="swatch" style={{ background: colours[site.id] }} aria-hidden="true" />
            {site.name}
            {!used.has(site.id) && ' (unused)'}
          </li>
        ))}
        <li className="muted">Stripes: a component split across sites, in proportion to its servers. Arrows: calls. Dashed: another application’s component.</li>
      </ul>
      <div className="topology-grid">
        {scenario.applications.map((app) => (
          <ApplicationTopology key={app.id} app={app} servers={servers} scenario={scenario} colours={colours} />
        ))}
      </div>
    </div>
  );
}
