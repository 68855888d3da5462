import { formatNumber, formatPercent } from '../app/format';
import type { Scenario } from '../planner';
import type { LayoutEvaluation } from '../planner/evaluate/evaluateLayout';

/** Traffic on every inter-site link direction that carries any, against its bandwidth. */
export function LinkUtilisation({ scenario, evaluation }: { scenario: Scenario; evaluation: LayoutEvaluation }) {
  const siteName = new Map(scenario.sites.map((s) => [s.id, s.name]));
  const used = evaluation.links.filter((l) => l.mbps > 1e-9).sort((a, b) => b.utilisation - a.utilisation);
  const idle = evaluation.links.length - used.length;
  if (used.length === 0) return <p className="note">No traffic crosses between sites: every call stays within its site.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table links-table">
          <caption className="visually-hidden">Link utilisation per direction</caption>
          <thead>
            <tr>
              <th scope="col">From → to</th>
              <th scope="col" className="num">Traffic (Mbps)</th>
              <th scope="col" className="num">Capacity (Mbps)</th>
              <th scope="col">Utilisation</th>
              <th scope="col" className="num">Components</th>
              <th scope="col" className="num">Replication</th>
            </tr>
          </thead>
          <tbody>
            {used.map((l) => {
              const level = l.utilisation > 0.99 ? 'full' : l.utilisation > 0.8 ? 'high' : 'ok';
              return (
                <tr key={`${l.from}>${l.to}`} data-testid="link-row" data-from={l.from} data-to={l.to} data-mbps={String(l.mbps)}>
                  <th scope="row">
                    {siteName.get(l.from) ?? l.from} → {siteName.get(l.to) ?? l.to}
                  </th>
                  <td className="num">{formatNumber(l.mbps)}</td>
                  <td className="num">{formatNumber(l.capacityMbps)}</td>
                  <td>
                    <span className="util">
                      <span className="util-bar" aria-hidden="true">
                        <span className={`util-fill util-${level}`} style={{ width: `${Math.min(100, l.utilisation * 100)}%` }} />
                      </span>
                      <span className="figure">{formatPercent(l.utilisation)}</span>
                    </span>
                  </td>
                  <td className="num">{formatNumber(l.componentMbps)}</td>
                  <td className="num">{l.replicationMbps > 0 ? formatNumber(l.replicationMbps) : <span className="muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {idle > 0 && <p className="note">{idle === 1 ? 'One other link direction carries' : `${idle} other link directions carry`} no traffic.</p>}
    </>
  );
}
