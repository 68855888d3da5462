/**
 * An application's components and one transaction's calls as an editable graph
 * (@xyflow/react, laid out by dagre): drag from a component's right handle to
 * another to add a call, drag an edge's end to reconnect it, select and press
 * Delete to remove a call or a component. The lists below the graph edit the
 * same calls field by field; with a plan, components take their sites' colours.
 */
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Connection, type Edge, type EdgeChange, type Node, type NodeChange, type NodeProps, applyNodeChanges } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useContext, useEffect, useId, useMemo, useState } from 'react';
import { getAt } from '../../app/editing/paths';
import { addCall, addComponent, removeComponent, setAt } from '../../app/editing/scenarioEdits';
import { siteColours } from '../../app/siteColours';
import { formatNumber } from '../../app/format';
import { useAppStore } from '../../app/store';
import { useEdit } from './fields';
import { edgeTraffic, layoutGraph, NODE_H, NODE_W } from './graphLayout';
import { PlanContext } from './planContext';

type Raw = Record<string, unknown>;
interface ComponentNodeData extends Record<string, unknown> {
  label: string;
  sub: string;
  background: string;
  external: boolean;
}

function ComponentNode({ data }: NodeProps<Node<ComponentNodeData>>) {
  return (
    <div className={`graph-node${data.external ? ' graph-node-external' : ''}`} style={{ background: data.background, width: NODE_W, height: NODE_H }}>
      <Handle type="target" position={Position.Left} />
      <strong>{data.label}</strong>
      <span>{data.sub}</span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const nodeTypes = { component: ComponentNode };
const NONE: Raw[] = [];
// The same empty list every time: a fresh [] would re-run the layout and its effect on every render.
const asList = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : NONE);

export default function ApplicationGraph({ appIndex }: { appIndex: number }) {
  const selectId = useId();
  const edit = useEdit();
  const outcome = useContext(PlanContext);
  const app = useAppStore((s) => getAt(s.document, ['applications', appIndex])) as Raw | undefined;
  const components = asList(app?.components);
  const transactions = asList(app?.transactions);
  const [chosen, setChosen] = useState(0);
  // The document holds the graph; only which node or edge is selected is kept here.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const onEdgesChange = (changes: EdgeChange[]) => {
    const next = new Set(selected);
    for (const c of changes) if (c.type === 'select') (c.selected ? next.add(c.id) : next.delete(c.id));
    setSelected(next);
  };
  const t = Math.min(chosen, Math.max(0, transactions.length - 1));
  const transaction = transactions[t];
  const calls = asList(transaction?.calls);

  const { nodes, edges } = useMemo(() => {
    const own = components.map((c) => String(c.id));
    const external = [...new Set(calls.flatMap((c) => [String(c.from), String(c.to)]))].filter((id) => !own.includes(id));
    const ids = [...own, ...external];
    const positions = layoutGraph(ids, calls.map((c) => ({ from: String(c.from), to: String(c.to) })));
    const servers = outcome?.plan.layout?.servers;
    const colours = outcome ? siteColours(outcome.scenario) : {};
    const nodeList: Node<ComponentNodeData>[] = ids.map((id) => {
      const c = components.find((x) => x.id === id);
      const bySite = servers?.[id] ?? {};
      const used = Object.entries(bySite).filter(([, n]) => n > 0);
      const total = used.reduce((s, [, n]) => s + n, 0);
      // Stripes in proportion to the servers at each site, as in the plan's topology.
      let at = 0;
      const stops = used.map(([site, n]) => {
        const from = (at / total) * 100;
        at += n;
        return `${colours[site] ?? '#c5cbd4'} ${from}% ${(at / total) * 100}%`;
      });
      const background = stops.length > 0 ? `linear-gradient(90deg, ${stops.join(', ')})` : '#ffffff';
      const sub = servers ? used.map(([site, n]) => `${n} at ${site}`).join(', ') || 'no servers' : `${String(c?.servers ?? '?')} servers · ${String(c?.homeSite ?? '')}`;
      return {
        id,
        type: 'component',
        position: positions.get(id)!,
        data: { label: String(c?.name ?? id), sub, background, external: !c },
        deletable: c !== undefined,
        ariaLabel: `Component ${id}: ${sub}`,
      };
    });
    const edgeList: Edge[] = calls.map((call, i) => {
      const traffic = edgeTraffic(call, transaction?.ratePerSecond);
      return {
        id: `call-${i}`,
        source: String(call.from),
        target: String(call.to),
        label: `${formatNumber(Number(call.callsPerTransaction))}× · ${formatNumber(traffic.callsPerSecond)}/s · ${formatNumber(traffic.mbps)} Mbps`,
        ariaLabel: `Call ${i + 1} from ${String(call.from)} to ${String(call.to)}`,
        reconnectable: true,
        selected: selected.has(`call-${i}`),
        markerEnd: { type: MarkerType.ArrowClosed },
      };
    });
    return { nodes: nodeList, edges: edgeList };
  }, [components, calls, transaction, outcome, selected]);

  // React Flow measures the nodes and tracks their selection through node changes: keep those
  // on top of the nodes derived from the document. Removals go through onDelete into the document.
  const [flowNodes, setFlowNodes] = useState(nodes);
  useEffect(() => {
    setFlowNodes((previous) => nodes.map((n) => {
      const old = previous.find((p) => p.id === n.id);
      return old ? { ...n, ...(old.measured ? { measured: old.measured } : {}), selected: old.selected ?? false } : n;
    }));
  }, [nodes]);
  const onNodesChange = (changes: NodeChange<Node<ComponentNodeData>>[]) => setFlowNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));

  const base = ['applications', appIndex, 'transactions', t];
  const onConnect = (c: Connection) => {
    if (!transaction || !c.source || !c.target) return;
    edit((doc) => addCall(doc, appIndex, t, { from: c.source, to: c.target }));
  };
  const onReconnect = (old: Edge, c: Connection) => {
    const i = Number(old.id.replace('call-', ''));
    edit((doc) => setAt(setAt(doc, [...base, 'calls', i, 'from'], c.source), [...base, 'calls', i, 'to'], c.target));
  };
  const onDelete = ({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
    edit((doc) => {
      let next = doc;
      // Remove calls from the last to the first, so the indices stay right.
      const indices = cut.map((e) => Number(e.id.replace('call-', ''))).sort((a, b) => b - a);
      const list = getAt(next, [...base, 'calls']);
      if (Array.isArray(list)) next = setAt(next, [...base, 'calls'], list.filter((_, i) => !indices.includes(i)));
      for (const n of gone) {
        const k = asList(getAt(next, ['applications', appIndex, 'components'])).findIndex((c) => c.id === n.id);
        if (k >= 0) next = removeComponent(next, appIndex, k);
      }
      return next;
    });
  };

  return (
    <div className="application-graph" data-testid={`graph-${appIndex}`}>
      <div className="editor-row">
        <div className="field">
          <label htmlFor={selectId}>Calls of transaction</label>
          <select id={selectId} value={t} onChange={(e) => setChosen(Number(e.currentTarget.value))} disabled={transactions.length === 0}>
            {transactions.map((tx, i) => (
              <option key={i} value={i}>
                {String(tx.name ?? tx.id)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-small" onClick={() => edit((doc) => addComponent(doc, appIndex))}>
          Add component
        </button>
      </div>
      <p className="hint">
        Drag from a component’s right edge to another to add a call{transaction ? '' : ' (add a transaction first)'}; drag an arrow’s end to reconnect it; select an arrow or a component and press
        Delete (or Backspace) to remove it. {outcome ? 'Colours: the sites of the current plan.' : 'Solve to colour components by site.'}
      </p>
      <div className="graph-canvas">
        <ReactFlow
          nodes={flowNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onReconnect={onReconnect}
          onDelete={onDelete}
          fitView
          nodesDraggable={false}
          proOptions={{ hideAttribution: true }}
          deleteKeyCode={['Delete', 'Backspace']}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
