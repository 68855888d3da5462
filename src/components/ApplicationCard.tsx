import type { Application, Scenario } from '../planner';
import { ComponentsTable } from './ComponentsTable';
import { TransactionsTable } from './TransactionsTable';

export function ApplicationCard({ scenario, application }: { scenario: Scenario; application: Application }) {
  return (
    <article className="subcard" aria-label={`Application ${application.name}`}>
      <h4>
        {application.name} <code className="id">{application.id}</code>
      </h4>
      {application.description && <p className="muted">{application.description}</p>}
      <h5>Components</h5>
      <ComponentsTable scenario={scenario} application={application} />
      <h5>Transactions</h5>
      <TransactionsTable scenario={scenario} application={application} />
    </article>
  );
}
