import type { Application, Scenario, TransactionType } from '../planner';
import { formatNumber } from '../app/format';

function Slo({ transaction }: { transaction: TransactionType }) {
  const { maxMeanIncreaseMs, maxP95Ms } = transaction.slo;
  const parts = [
    maxMeanIncreaseMs !== undefined ? `mean +${formatNumber(maxMeanIncreaseMs)} ms at most` : null,
    maxP95Ms !== undefined ? `p95 ≤ ${formatNumber(maxP95Ms)} ms` : null,
  ].filter(Boolean);
  return parts.length > 0 ? <>{parts.join('; ')}</> : <span className="muted">none</span>;
}

/** What users do with an application: entry point, load per region, calls and response-time goals. */
export function TransactionsTable({ scenario, application }: { scenario: Scenario; application: Application }) {
  if (application.transactions.length === 0) return <p className="muted">No transaction types: no traffic is priced for this application.</p>;
  const componentName = (id: string) => application.components.find((c) => c.id === id)?.name ?? id;
  const regionName = (id: string) => scenario.userRegions.find((r) => r.id === id)?.name ?? id;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Transactions of {application.name}</caption>
        <thead>
          <tr>
            <th scope="col">Transaction</th>
            <th scope="col">Entry component</th>
            <th scope="col">Rate per region</th>
            <th scope="col" className="num">Call edges</th>
            <th scope="col">SLO</th>
          </tr>
        </thead>
        <tbody>
          {application.transactions.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{componentName(t.entryComponent)}</td>
              <td>
                <ul className="plain-list">
                  {Object.entries(t.ratePerSecond).map(([region, rate]) => (
                    <li key={region}>
                      {regionName(region)}: <span className="figure">{formatNumber(rate)}/s</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{t.calls.length}</td>
              <td>
                <Slo transaction={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
