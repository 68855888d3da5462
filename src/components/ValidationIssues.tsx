import type { ValidationIssue } from '../planner';
import { IssueList } from './IssueList';

/** Why the current scenario cannot be planned, one line per problem. */
export function ValidationIssues({ issues }: { issues: readonly ValidationIssue[] }) {
  const count = issues.length;
  return (
    <section role="alert" aria-label="Scenario problems" className="panel panel-error">
      <h2>
        This scenario has {count} problem{count === 1 ? '' : 's'}
      </h2>
      <p className="muted">Fix them in “Edit scenario” (each message is shown at its field), open a corrected file, or pick another sample. Solving is disabled until then.</p>
      <IssueList issues={issues} />
    </section>
  );
}
