import type { Scenario } from '../planner';
import { formatNumber } from '../app/format';
import { NamedId, SiteName } from './SiteName';

/** Where users are, and their round-trip latency to every site (mean / p95). */
export function UserRegionsTable({ scenario }: { scenario: Scenario }) {
  if (scenario.userRegions.length === 0) return <p className="muted">No user regions: only traffic between components is priced.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">User regions and their latency to each site</caption>
        <thead>
          <tr>
            <th scope="col">User region</th>
            {scenario.sites.map((site) => (
              <th scope="col" className="num" key={site.id}>
                <SiteName scenario={scenario} siteId={site.id} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenario.userRegions.map((region) => (
            <tr key={region.id}>
              <th scope="row">
                <NamedId name={region.name} id={region.id} />
              </th>
              {scenario.sites.map((site) => {
                const latency = region.latencyToSites[site.id];
                return (
                  <td className="num" key={site.id}>
                    {latency ? `${formatNumber(latency.meanMs)} / ${formatNumber(latency.p95Ms)} ms` : <span className="muted">—</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">Round-trip latency, mean / 95th percentile.</p>
    </div>
  );
}
