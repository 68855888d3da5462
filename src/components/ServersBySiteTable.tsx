import { formatInteger } from '../app/format';
import { siteColours } from '../app/siteColours';
import type { Scenario } from '../planner';
import type { ServerCounts } from '../planner/layout/layout';
import { NamedId } from './SiteName';

const countAt = (servers: ServerCounts, componentId: string, siteId: string) => servers[componentId]?.[siteId] ?? 0;

/** Servers of every component at every site, grouped by application, with each site's total against its capacity. */
export function ServersBySiteTable({ scenario, servers, caption = 'Servers per component and site' }: { scenario: Scenario; servers: ServerCounts; caption?: string }) {
  const colours = siteColours(scenario);
  const siteName = new Map(scenario.sites.map((s) => [s.id, s.name]));
  const totals = Object.fromEntries(scenario.sites.map((s) => [s.id, 0]));
  for (const [componentId, bySite] of Object.entries(servers)) {
    if (!scenario.applications.some((a) => a.components.some((c) => c.id === componentId))) continue;
    for (const [siteId, n] of Object.entries(bySite)) if (siteId in totals) totals[siteId]! += n;
  }
  const columns = scenario.sites.length + 3;
  return (
    <div className="table-scroll">
      <table className="data-table servers-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Home site</th>
            {scenario.sites.map((site) => (
              <th scope="col" className="num" key={site.id} title={site.id}>
                <span className="swatch" style={{ background: colours[site.id] }} aria-hidden="true" />
                {site.name}
              </th>
            ))}
            <th scope="col">Split</th>
          </tr>
        </thead>
        {scenario.applications.map((application) => (
          <tbody key={application.id}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={columns}>
                {application.name}
              </th>
            </tr>
            {application.components.map((c) => {
              const hosting = scenario.sites.filter((s) => countAt(servers, c.id, s.id) > 0);
              const moved = hosting.some((s) => s.id !== c.homeSite);
              return (
                <tr key={c.id} className={moved ? 'moved' : undefined}>
                  <th scope="row">
                    <NamedId name={c.name} id={c.id} />
                  </th>
                  <td>{siteName.get(c.homeSite) ?? c.homeSite}</td>
                  {scenario.sites.map((site) => {
                    const n = countAt(servers, c.id, site.id);
                    if (n === 0) return <td key={site.id} className="num" />;
                    return (
                      <td
                        key={site.id}
                        className={`num servers-cell${site.id === c.homeSite ? '' : ' servers-moved'}`}
                        data-testid="servers-cell"
                        data-component={c.id}
                        data-site={site.id}
                        data-servers={String(n)}
                      >
                        {formatInteger(n)}
                      </td>
                    );
                  })}
                  <td>{hosting.length > 1 ? <span className="tag tag-split">split {hosting.length} ways</span> : null}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Servers / capacity
            </th>
            {scenario.sites.map((site) => {
              const capacity = site.capacity.servers;
              const full = capacity !== undefined && totals[site.id]! >= capacity;
              return (
                <td key={site.id} className={`num${full ? ' at-capacity' : ''}`} data-testid="site-total" data-site={site.id} data-value={String(totals[site.id])}>
                  {formatInteger(totals[site.id]!)}
                  <span className="muted"> / {capacity !== undefined ? formatInteger(capacity) : '∞'}</span>
                </td>
              );
            })}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
