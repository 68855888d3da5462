import { formatMoney, formatPercent, formatSeconds } from '../../app/format';

const formatTime = (seconds: number) => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : formatSeconds(seconds));
import type { Scenario } from '../../planner';
import type { BurstEvaluation } from '../../planner/bursting/burstSchedule';
import type { BurstComparison } from '../../planner/bursting/planBursting';

interface Row {
  id: string;
  name: string;
  region: string | null;
  evaluation: BurstEvaluation;
  seconds: number;
}

const beyondOwned = (e: BurstEvaluation) => e.cost.total - e.cost.localOwned;
const cloudSide = (e: BurstEvaluation) => e.cost.cloudServers + e.cost.wanTransfer + e.cost.imageTransfer + e.cost.imageStorage;

/** Every policy costed the same way by the evaluator, the optimum first; savings against buying for the peak. */
export function BurstComparisonTable({ scenario, comparison }: { scenario: Scenario; comparison: BurstComparison }) {
  const siteName = (id: string | null) => (id ? (scenario.sites.find((s) => s.id === id)?.name ?? id) : '—');
  const rows: Row[] = [];
  const { plan } = comparison;
  if (plan.evaluation && plan.schedule)
    rows.push({ id: 'optimum', name: plan.source === 'greedy' ? 'Best found: the greedy’s schedule (the MILP, stopped by the clock, had none cheaper)' : 'Optimum (MILP)', region: plan.schedule.burstRegion, evaluation: plan.evaluation, seconds: plan.solveSeconds });
  for (const b of comparison.baselines) rows.push({ id: b.id, name: b.name, region: b.region, evaluation: b.evaluation, seconds: b.seconds });
  const buy = comparison.baselines.find((b) => b.id === 'buy-peak')?.evaluation.cost.total;
  const greedy = comparison.baselines.find((b) => b.id === 'greedy');
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" data-testid="burst-comparison">
          <caption>The plan against the alternatives, over the whole horizon</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Burst region</th>
              <th scope="col" className="num">Total</th>
              <th scope="col" className="num">Cloud side</th>
              <th scope="col" className="num">Local bought</th>
              <th scope="col" className="num">Against buying for the peak</th>
              <th scope="col">Constraints</th>
              <th scope="col" className="num">Computed in</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="burst-policy" data-policy={r.id} data-total={r.evaluation.cost.total.toFixed(2)} data-feasible={String(r.evaluation.feasible)}>
                <th scope="row">{r.name}</th>
                <td>{siteName(r.region)}</td>
                <td className="num">{formatMoney(r.evaluation.cost.total)}</td>
                <td className="num">{formatMoney(cloudSide(r.evaluation))}</td>
                <td className="num">{formatMoney(r.evaluation.cost.localBought)}</td>
                <td className="num">{buy !== undefined && buy > 0 && r.id !== 'buy-peak' ? `${formatMoney(buy - r.evaluation.cost.total)} (${formatPercent((buy - r.evaluation.cost.total) / buy)})` : '—'}</td>
                <td>{r.evaluation.feasible ? 'all met' : `${r.evaluation.violations.length} violated, e.g. ${r.evaluation.violations[0]!.message}`}</td>
                <td className="num">{formatTime(r.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.evaluation && greedy && (
        <p className="small" data-testid="milp-vs-greedy">
          MILP against the greedy: {formatMoney(greedy.evaluation.cost.total - plan.evaluation.cost.total)} less over the horizon
          {beyondOwned(greedy.evaluation) > 0 && ` (${formatPercent((greedy.evaluation.cost.total - plan.evaluation.cost.total) / beyondOwned(greedy.evaluation))} of what the greedy spends beyond the owned data centre)`}
          ; solved in {formatTime(plan.solveSeconds)} against {formatTime(greedy.seconds)} for the greedy.
        </p>
      )}
    </>
  );
}
