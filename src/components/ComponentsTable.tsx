import { allowedSitesOf, type Application, type Scenario } from '../planner';
import { formatInteger, formatNumber } from '../app/format';
import { NamedId, SiteName } from './SiteName';

function AllowedSites({ scenario, component }: { scenario: Scenario; component: Application['components'][number] }) {
  if (!component.allowedSites) {
    const count = allowedSitesOf(component, scenario).length;
    return (
      <span className="muted" title={`Every site that prices ${component.serverClass}: ${allowedSitesOf(component, scenario).join(', ')}`}>
        any ({count} site{count === 1 ? '' : 's'})
      </span>
    );
  }
  return (
    <ul className="plain-list">
      {component.allowedSites.map((siteId) => (
        <li key={siteId}>
          <SiteName scenario={scenario} siteId={siteId} />
        </li>
      ))}
    </ul>
  );
}

/** The tiers of one application as they run today, and the rules for moving them. */
export function ComponentsTable({ scenario, application }: { scenario: Scenario; application: Application }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Components of {application.name}</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Role</th>
            <th scope="col" className="num">Servers</th>
            <th scope="col">Class</th>
            <th scope="col" className="num">Storage</th>
            <th scope="col">Home site</th>
            <th scope="col">Allowed sites</th>
            <th scope="col">Splittable</th>
            <th scope="col">Co-location group</th>
            <th scope="col">Zone</th>
          </tr>
        </thead>
        <tbody>
          {application.components.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <NamedId name={c.name} id={c.id} />
              </th>
              <td>{c.role ?? <span className="muted">—</span>}</td>
              <td className="num">{formatInteger(c.servers)}</td>
              <td>
                <code>{c.serverClass}</code>
              </td>
              <td className="num">{formatNumber(c.storageGB)} GB</td>
              <td>
                <SiteName scenario={scenario} siteId={c.homeSite} />
              </td>
              <td>
                <AllowedSites scenario={scenario} component={c} />
              </td>
              <td>{c.splittable ? 'yes' : 'no'}</td>
              <td>{c.colocationGroup ? <code>{c.colocationGroup}</code> : <span className="muted">—</span>}</td>
              <td>{c.securityZone ? <code>{c.securityZone}</code> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
