/**
 * The bursting plan as the planning report's timeline section: per period the
 * servers in the burst region and what the period costs beyond the owned data
 * centre, with the comparisons and the images as notes. Every number is the
 * evaluator's, as on the page.
 */
import type { Scenario } from '../scenario/schema';
import type { ReportBursting } from '../report/reportData';
import type { BurstComparison } from './planBursting';
import { periodLabel, zoneName } from './periodLabels';

const usd = (n: number) => `$${n.toFixed(2)}`;

export function burstReport(scenario: Scenario, comparison: BurstComparison): ReportBursting | undefined {
  const { plan, baselines } = comparison;
  const e = plan.evaluation;
  const region = plan.schedule?.burstRegion;
  if (!e || !scenario.demand) return undefined;
  // What bursting costs: user traffic is paid with or without a burst, so it is left out here.
  const variable = (c: (typeof e.costByPeriod)[number]) => c.cloudServers + c.wanTransfer + c.imageTransfer + c.imageStorage;
  // The timeline lists the periods in which something runs in the cloud; the rest are at home.
  const periods = e.costByPeriod.flatMap((c, p) => {
    const cloud = Object.values(e.serversByApplication).reduce((n, a) => n + a.cloud[p]!, 0);
    return region && cloud > 0 ? [{ start: `${periodLabel(scenario.demand, p)}${zoneName(scenario.demand) ? ` ${zoneName(scenario.demand)}` : ''}`, burstServersBySite: { [region]: cloud }, costUSD: variable(c) }] : [];
  });
  const regionName = scenario.sites.find((s) => s.id === region)?.name ?? 'none';
  const notes = [
    `Burst region: ${regionName}. Plan status: ${plan.status}${plan.source === 'greedy' ? ' (the greedy’s schedule; the MILP was stopped by the clock)' : ''}. Total over the horizon ${usd(e.cost.total)}, of which owned data-centre capacity ${usd(e.cost.localOwned)} (the same in every plan).`,
    `Listed: the ${periods.length} of ${e.periods} periods in which servers run in the cloud. Period cost is what bursting costs in it: cloud servers, WAN transfer, image copies and image storage (pre-copy storage spread evenly over the horizon).`,
    ...baselines.map((b) => `${b.name}${b.region ? ` (${scenario.sites.find((s) => s.id === b.region)?.name ?? b.region})` : ''}: ${usd(b.evaluation.cost.total)}${b.evaluation.feasible ? '' : `, violates ${b.evaluation.violations.length} constraints`}.`),
    `Burst events: ${e.events.length}; images kept pre-copied: ${plan.schedule!.preCopied.length === 0 ? 'none' : plan.schedule!.preCopied.join(', ')}.`,
  ];
  return { periodMinutes: scenario.demand.periodMinutes, periods, totalCostUSD: variable(e.cost), notes };
}
