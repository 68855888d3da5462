/**
 * Positions for an application's call graph, from dagre (layered, left to right
 * along the calls), and the traffic each call edge carries.
 */
import dagre from '@dagrejs/dagre';

export const NODE_W = 190;
export const NODE_H = 62;

export function layoutGraph(nodes: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes) g.setNode(id, { width: NODE_W, height: NODE_H });
  for (const e of edges) if (e.from !== e.to && g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const id of nodes) {
    const n = g.node(id);
    out.set(id, { x: (n?.x ?? 0) - NODE_W / 2, y: (n?.y ?? 0) - NODE_H / 2 });
  }
  return out;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Calls per second and megabits per second (request + response) of one call edge, at the transaction's total rate. */
export function edgeTraffic(call: { callsPerTransaction?: unknown; requestBytes?: unknown; responseBytes?: unknown }, ratePerSecond: unknown): { callsPerSecond: number; mbps: number } {
  const rate = ratePerSecond && typeof ratePerSecond === 'object' ? Object.values(ratePerSecond).reduce<number>((s, v) => s + num(v), 0) : 0;
  const callsPerSecond = rate * num(call.callsPerTransaction);
  const mbps = (callsPerSecond * (num(call.requestBytes) + num(call.responseBytes)) * 8) / 1e6;
  return { callsPerSecond, mbps };
}
