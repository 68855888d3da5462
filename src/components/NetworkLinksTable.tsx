import type { Scenario } from '../planner';
import { formatNumber, formatUnitPrice } from '../app/format';
import { SiteName } from './SiteName';

/** The links between sites: latency, bandwidth and any link price. */
export function NetworkLinksTable({ scenario }: { scenario: Scenario }) {
  const { links, intraSiteLatency } = scenario.network;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Network links</caption>
          <thead>
            <tr>
              <th scope="col">Between</th>
              <th scope="col" className="num">Mean latency</th>
              <th scope="col" className="num">p95 latency</th>
              <th scope="col" className="num">Bandwidth</th>
              <th scope="col" className="num">Price per GB</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.between.join('|')}>
                <th scope="row">
                  <SiteName scenario={scenario} siteId={link.between[0]} /> ↔ <SiteName scenario={scenario} siteId={link.between[1]} />
                </th>
                <td className="num">{formatNumber(link.latency.meanMs)} ms</td>
                <td className="num">{formatNumber(link.latency.p95Ms)} ms</td>
                <td className="num">{formatNumber(link.bandwidthMbps)} Mbps</td>
                <td className="num">
                  {link.pricePerGBUSD !== undefined ? formatUnitPrice(link.pricePerGBUSD) : <span className="muted">site prices</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        Within a site: {formatNumber(intraSiteLatency.meanMs)} ms mean, {formatNumber(intraSiteLatency.p95Ms)} ms p95 round trip.
      </p>
    </>
  );
}
