import type { PlacementPlan, Scenario } from '../planner';
import { formatInteger } from '../app/format';
import { NamedId, SiteName } from './SiteName';

/** Where every component goes, application by application, and whether it moves. */
export function PlacementTable({ scenario, plan }: { scenario: Scenario; plan: PlacementPlan }) {
  const components = scenario.applications.flatMap((a) => a.components);
  const moved = components.filter((c) => plan.placement[c.id] !== undefined && plan.placement[c.id] !== c.homeSite).length;
  return (
    <>
      <p className="note">
        {moved === 0 ? 'Every component stays at its home site.' : `${moved} of ${components.length} components move.`}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Placement</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Home site</th>
              <th scope="col">Chosen site</th>
              <th scope="col">Moved</th>
              <th scope="col" className="num">Servers</th>
            </tr>
          </thead>
          {scenario.applications.map((application) => (
            <tbody key={application.id}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={5}>
                  {application.name}
                </th>
              </tr>
              {application.components.map((c) => {
                const site = plan.placement[c.id];
                const isMoved = site !== undefined && site !== c.homeSite;
                return (
                  <tr key={c.id} data-testid="placement-row" data-component={c.id} data-site={site ?? ''} className={isMoved ? 'moved' : undefined}>
                    <th scope="row">
                      <NamedId name={c.name} id={c.id} />
                    </th>
                    <td>
                      <SiteName scenario={scenario} siteId={c.homeSite} />
                    </td>
                    <td>{site !== undefined ? <SiteName scenario={scenario} siteId={site} /> : <span className="muted">unplaced</span>}</td>
                    <td>{isMoved ? <span className="tag tag-moved">yes</span> : <span className="muted">no</span>}</td>
                    <td className="num">{formatInteger(c.servers)}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
