import { formatInteger, formatMoney, formatPercent } from '../app/format';
import type { SolveOutcome } from '../app/useSolve';
import { BindingConstraints } from './BindingConstraints';
import { DownloadModelButton } from './DownloadModelButton';
import { ExportReport } from './ExportReport';
import { ModelInfo } from './ModelInfo';
import { PlanStatusBadge } from './PlanStatusBadge';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The plan at a glance: status (with the proven gap), why it is what it is, what
 * would have to give when nothing fits, the monthly cost against today, and how
 * the model was solved. Every amount is the evaluator's.
 */
export function PlanSummary({ outcome }: { outcome: SolveOutcome }) {
  const { plan, baselines, scenario } = outcome;
  const evaluation = plan.status === 'optimal' || plan.status === 'feasible' ? plan.evaluation : undefined;
  const before = baselines.statusQuo.evaluation.cost.total;
  const after = evaluation?.cost.total;
  const saving = after !== undefined ? before - after : undefined;
  const migration = evaluation?.cost.migration;
  const statusQuoViolations = baselines.statusQuo.evaluation.violations;
  return (
    <section className="card plan-result" aria-labelledby="plan-result-title">
      <div className="card-heading">
        <h2 id="plan-result-title">Plan</h2>
        <PlanStatusBadge status={plan.status} gap={plan.gap} />
      </div>
      {plan.message && (
        <p className={`plan-message plan-message-${plan.status}`} data-testid="plan-message">
          {capitalise(plan.message)}
        </p>
      )}
      {plan.relaxations.length > 0 && (
        <div className="relaxations">
          <p>It would work if you:</p>
          <ul>
            {plan.relaxations.map((r, i) => (
              <li key={i} data-testid="relaxation" data-kind={r.kind}>
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <dl className="stats">
        <div className="stat stat-main">
          <dt>Optimised monthly cost</dt>
          <dd>
            {after !== undefined ? (
              <span data-testid="plan-total-cost" data-value={String(after)}>
                {formatMoney(after)}
              </span>
            ) : (
              <span className="muted">no layout</span>
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>Status quo monthly cost</dt>
          <dd>
            <span data-testid="statusquo-total-cost" data-value={String(before)}>
              {formatMoney(before)}
            </span>
          </dd>
        </div>
        <div className="stat">
          <dt>{saving === undefined || saving >= 0 ? 'Monthly saving' : 'Monthly extra cost'}</dt>
          <dd>
            {saving !== undefined ? (
              <span className={saving > 0 ? 'positive' : saving < 0 ? 'negative' : undefined} data-testid="plan-saving" data-value={String(saving)}>
                {formatMoney(Math.abs(saving))}
                {before > 0 && <span className="stat-sub"> ({formatPercent(Math.abs(saving / before))})</span>}
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      </dl>
      {migration && migration.oneTimeUSD > 0 && (
        <p className="note" data-testid="plan-migration">
          Moving there transfers {formatInteger(migration.gbMoved)} GB once, {formatMoney(migration.oneTimeUSD)}
          {migration.months > 0
            ? `, included as ${formatMoney(migration.amortisedMonthly)} a month over ${formatInteger(migration.months)} months.`
            : ', not included in the monthly cost (set a migration amortisation horizon to include it).'}
        </p>
      )}
      {statusQuoViolations.length > 0 && (
        <details className="note warning-note">
          <summary>
            Today’s layout breaks {statusQuoViolations.length === 1 ? 'a rule' : `${formatInteger(statusQuoViolations.length)} rules`}
          </summary>
          <ul>
            {statusQuoViolations.map((v, i) => (
              <li key={i}>{v.message}</li>
            ))}
          </ul>
        </details>
      )}

      {evaluation && <BindingConstraints scenario={scenario} evaluation={evaluation} />}

      <ExportReport outcome={outcome} />

      <h3>How it was solved</h3>
      <div className="model-row">
        <ModelInfo plan={plan} />
        <DownloadModelButton document={outcome.document} settings={plan.settings} scenarioName={scenario.name} />
      </div>
    </section>
  );
}
