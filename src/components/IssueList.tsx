import type { ValidationIssue } from '../planner';

/** One validation message, with the path it starts with set off as code. */
function IssueMessage({ issue }: { issue: ValidationIssue }) {
  if (issue.path && issue.message.startsWith(issue.path)) {
    return (
      <>
        <code className="issue-path">{issue.path}</code>
        {issue.message.slice(issue.path.length)}
      </>
    );
  }
  return <>{issue.message}</>;
}

export function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  return (
    <ul className="issue-list">
      {issues.map((issue, i) => (
        <li key={`${i}:${issue.path}`}>
          <IssueMessage issue={issue} />
        </li>
      ))}
    </ul>
  );
}
