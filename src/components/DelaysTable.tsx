import { formatInteger, formatNumber } from '../app/format';
import type { Scenario } from '../planner';
import type { LayoutEvaluation, TransactionDelay } from '../planner/evaluate/evaluateLayout';

function Verdict({ ok, bounded }: { ok: boolean; bounded: boolean }) {
  if (!bounded) return <span className="muted">no bound</span>;
  return ok ? <span className="tag tag-ok">ok</span> : <span className="tag tag-bad">violated</span>;
}

const ms = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function methodText(d: TransactionDelay): string {
  if (d.method === 'enumeration') return `${formatInteger(d.routes)} route${d.routes === 1 ? '' : 's'}, exact`;
  return d.p95Interval ? `Monte Carlo (p95 95% CI ${formatNumber(d.p95Interval.low)}–${formatNumber(d.p95Interval.high)})` : 'Monte Carlo';
}

/** Per transaction and user region: mean and p95 response time today and in the plan, against their bounds. */
export function DelaysTable({ scenario, evaluation }: { scenario: Scenario; evaluation: LayoutEvaluation }) {
  const transactions = new Map(scenario.applications.flatMap((a) => a.transactions.map((t) => [t.id, { name: t.name, app: a.name }])));
  const regions = new Map(scenario.userRegions.map((r) => [r.id, r.name]));
  return (
    <>
      <div className="table-scroll">
        <table className="data-table delays-table">
          <caption className="visually-hidden">Response time per transaction and user region</caption>
          <thead>
            <tr>
              <th scope="col">Transaction</th>
              <th scope="col">Users</th>
              <th scope="col" className="num">Mean today → plan</th>
              <th scope="col" className="num">Increase / bound</th>
              <th scope="col" className="num">p95 today → plan</th>
              <th scope="col" className="num">p95 bound</th>
              <th scope="col">p95 method</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.delays.map((d) => {
              const t = transactions.get(d.transactionId);
              const { maxMeanIncreaseMs, maxP95Ms } = d.bounds;
              return (
                <tr
                  key={`${d.transactionId}|${d.regionId}`}
                  data-testid="delay-row"
                  data-transaction={d.transactionId}
                  data-region={d.regionId}
                  data-mean={String(d.meanMs)}
                  data-p95={String(d.p95Ms)}
                  className={d.meanOk && d.p95Ok ? undefined : 'row-violated'}
                >
                  <th scope="row">
                    <span className="named-id">
                      {t?.name ?? d.transactionId}
                      <span className="id">{t?.app}</span>
                    </span>
                  </th>
                  <td>{regions.get(d.regionId) ?? d.regionId}</td>
                  <td className="num">
                    <span className="muted">{ms(d.statusQuoMeanMs)} →</span> {ms(d.meanMs)}
                  </td>
                  <td className="num">
                    {d.meanIncreaseMs >= 0 ? '+' : '−'}
                    {ms(Math.abs(d.meanIncreaseMs))}
                    <span className="muted"> / {maxMeanIncreaseMs !== undefined ? `+${ms(maxMeanIncreaseMs)}` : '—'}</span>{' '}
                    <Verdict ok={d.meanOk} bounded={maxMeanIncreaseMs !== undefined} />
                  </td>
                  <td className="num">
                    <span className="muted">{ms(d.statusQuoP95Ms)} →</span> {ms(d.p95Ms)}
                  </td>
                  <td className="num">
                    {maxP95Ms !== undefined && <span className="muted">{ms(maxP95Ms)} </span>}
                    <Verdict ok={d.p95Ok} bounded={maxP95Ms !== undefined} />
                  </td>
                  <td className="small muted">{methodText(d)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details className="method-note">
        <summary>How the 95th percentile is computed</summary>
        <p>{evaluation.p95Method}</p>
      </details>
    </>
  );
}
