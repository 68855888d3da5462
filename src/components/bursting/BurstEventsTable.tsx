import { formatNumber } from '../../app/format';
import type { Scenario } from '../../planner';
import type { BurstEvent } from '../../planner/bursting/burstSchedule';
import { periodLabel } from '../../planner/bursting/periodLabels';

/** A burst as the operator sees it: the components of one application that go out and come back together. */
export interface BurstGroup {
  application: string;
  start: number;
  end: number;
  events: BurstEvent[];
}

export function groupBursts(events: readonly BurstEvent[]): BurstGroup[] {
  const groups = new Map<string, BurstGroup>();
  for (const e of events) {
    const key = `${e.application}|${e.start}|${e.end}`;
    const group = groups.get(key) ?? { application: e.application, start: e.start, end: e.end, events: [] };
    group.events.push(e);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.start - b.start || a.application.localeCompare(b.application));
}

function formatLead(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function BurstEventsTable({ scenario, events, periodHours }: { scenario: Scenario; events: readonly BurstEvent[]; periodHours: number }) {
  const names = new Map(scenario.applications.flatMap((a) => [[a.id, a.name] as const, ...a.components.map((c) => [c.id, c.name] as const)]));
  const groups = groupBursts(events);
  if (groups.length === 0) return <p className="muted">Nothing bursts: every period fits in the data centre.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="burst-events">
        <caption>Burst events: when each application’s components run in the cloud</caption>
        <thead>
          <tr>
            <th scope="col">Application</th>
            <th scope="col">Start</th>
            <th scope="col">{scenario.demand?.start ? 'Back home at' : 'Last period'}</th>
            <th scope="col" className="num">Hours</th>
            <th scope="col">Components (peak servers in the cloud)</th>
            <th scope="col" className="num">Lead time</th>
            <th scope="col">Image</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.application}-${g.start}`} data-testid="burst-event" data-start={g.start} data-end={g.end} data-components={g.events.map((e) => e.component).join(' ')}>
              <td>{names.get(g.application) ?? g.application}</td>
              <td>{periodLabel(scenario.demand, g.start)}</td>
              <td>{scenario.demand?.start ? periodLabel(scenario.demand, g.end) : periodLabel(scenario.demand, g.end - 1)}</td>
              <td className="num">{formatNumber((g.end - g.start) * periodHours)}</td>
              <td>{g.events.map((e) => `${names.get(e.component) ?? e.component} (${e.peakCloudServers})`).join(', ')}</td>
              <td className="num">{g.events.map((e) => formatLead(e.leadSeconds)).join(', ')}</td>
              <td>{g.events.map((e) => (e.preCopied ? 'pre-copied' : 'copied on demand')).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
