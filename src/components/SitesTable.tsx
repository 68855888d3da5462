import type { Scenario, Site } from '../planner';
import { formatInteger, formatUnitPrice } from '../app/format';
import { NamedId } from './SiteName';

function Capacity({ site }: { site: Site }) {
  const { servers, vcpus } = site.capacity;
  if (servers === undefined && vcpus === undefined) return <span className="muted">unlimited</span>;
  return (
    <>
      {servers !== undefined && <div>{formatInteger(servers)} servers</div>}
      {vcpus !== undefined && <div>{formatInteger(vcpus)} vCPUs</div>}
    </>
  );
}

function ServerPrices({ site }: { site: Site }) {
  return (
    <ul className="plain-list">
      {site.serverClasses.map((c) => (
        <li key={c.serverClass}>
          <code>{c.serverClass}</code> <span className="nowrap">{formatUnitPrice(c.priceUSD)}/{c.billing}</span>
          {(c.vcpus !== undefined || c.memoryGB !== undefined) && (
            <span className="muted nowrap">
              {' '}
              ({[c.vcpus !== undefined ? `${c.vcpus} vCPU` : null, c.memoryGB !== undefined ? `${c.memoryGB} GB` : null]
                .filter(Boolean)
                .join(', ')}
              )
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Where components can run: data centres and cloud regions with their prices. */
export function SitesTable({ scenario }: { scenario: Scenario }) {
  const showInterRegion = scenario.sites.some((site) => site.transferPricePerGBUSD.interRegion !== undefined);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Sites</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Kind, provider, region</th>
            <th scope="col" className="num">Capacity</th>
            <th scope="col">Server prices</th>
            <th scope="col" className="num">Storage per GB-month</th>
            <th scope="col" className="num">Egress per GB</th>
            <th scope="col" className="num">Ingress per GB</th>
            {showInterRegion && (
              <th scope="col" className="num">
                Inter-region per GB
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {scenario.sites.map((site) => (
            <tr key={site.id}>
              <th scope="row">
                <NamedId name={site.name} id={site.id} />
              </th>
              <td>
                <span className={`tag tag-${site.kind}`}>{site.kind === 'onPremise' ? 'On-premise' : 'Cloud'}</span>
                {(site.provider || site.region) && (
                  <div className="small">{[site.provider, site.region].filter(Boolean).join(' · ')}</div>
                )}
              </td>
              <td className="num">
                <Capacity site={site} />
              </td>
              <td>
                <ServerPrices site={site} />
              </td>
              <td className="num">{formatUnitPrice(site.storagePricePerGBMonthUSD)}</td>
              <td className="num">{formatUnitPrice(site.transferPricePerGBUSD.egress)}</td>
              <td className="num">{formatUnitPrice(site.transferPricePerGBUSD.ingress)}</td>
              {showInterRegion && (
                <td className="num">
                  {site.transferPricePerGBUSD.interRegion !== undefined ? (
                    formatUnitPrice(site.transferPricePerGBUSD.interRegion)
                  ) : (
                    <span className="muted">as egress</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
