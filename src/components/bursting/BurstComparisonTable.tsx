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
  const buyPeak = comparison.baselines.find((b) => b.id === 'buy-peak')?.evaluation;
  const buy = buyPeak?.feasible ? buyPeak.cost.total : undefined;
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
                <td className="num">{buy !== undefined && buy > 0 && r.id !== 'buy-peak' && r.evaluation.feasible ? `${formatMoney(buy - r.evaluation.cost.total)} (${formatPercent((buy - r.evaluation.cost.total) / buy)})` : '—'}</td>
                <td>{r.evaluation.feasible ? 'all met' : `${r.evaluation.violations.length} violated, e.g. ${r.evaluation.violations[0]!.message}`}</td>
                <td className="num">{formatTime(r.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.evaluation && greedy && <MilpAgainstGreedy plan={plan} greedy={greedy} />}
    </>
  );
}

/** The MILP's schedule against the greedy's, in cost and in time, with the sign said in words. */
function MilpAgainstGreedy({ plan, greedy }: { plan: BurstComparison['plan']; greedy: BurstComparison['baselines'][number] }) {
  const e = plan.evaluation!;
  let text: string;
  if (plan.source === 'greedy') text = `The MILP found nothing cheaper than the greedy's schedule within the time limit, so the plan above is the greedy's (computed in ${formatTime(greedy.seconds)}).`;
  else if (!greedy.evaluation.feasible) text = `The greedy's schedule breaks ${greedy.evaluation.violations.length} constraint${greedy.evaluation.violations.length === 1 ? '' : 's'}; the MILP's meets them all (solved in ${formatTime(plan.solveSeconds)}, the greedy in ${formatTime(greedy.seconds)}).`;
  else {
    const difference = greedy.evaluation.cost.total - e.cost.total;
    const base = beyondOwned(greedy.evaluation);
    const share = base > 0 ? ` (${formatPercent(Math.abs(difference) / base)} of what the greedy spends beyond the owned data centre)` : '';
    const verdict = Math.abs(difference) < 0.005 ? 'costs the same as the greedy' : difference > 0 ? `costs ${formatMoney(difference)} less than the greedy${share}` : `costs ${formatMoney(-difference)} more than the greedy${share}`;
    text = `The MILP's schedule ${verdict} over the horizon; solved in ${formatTime(plan.solveSeconds)} against ${formatTime(greedy.seconds)} for the greedy.`;
  }
  return (
    <p className="small" data-testid="milp-vs-greedy">
      {text}
    </p>
  );
}
