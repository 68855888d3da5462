import { useId, useState } from 'react';
import { setAt } from '../../app/editing/scenarioEdits';
import { formatMoney } from '../../app/format';
import { checkOnPremCostInput, onPremServerMonthlyCost } from '../../planner/pricing/onPremCost';
import { useAppStore } from '../../app/store';
import { useEdit } from './fields';

type Input = Parameters<typeof onPremServerMonthlyCost>[0];
type Key = Exclude<keyof Input, 'hoursPerMonth'>;

const FIELDS: { key: Key; label: string; initial: string }[] = [
  { key: 'purchaseUSD', label: 'Purchase price (USD)', initial: '12000' },
  { key: 'lifetimeMonths', label: 'Lifetime (months)', initial: '60' },
  { key: 'powerWatts', label: 'Power draw (W)', initial: '400' },
  { key: 'pue', label: 'PUE', initial: '1.5' },
  { key: 'powerPricePerKWhUSD', label: 'Power (USD per kWh)', initial: '0.12' },
  { key: 'rackUnits', label: 'Rack units', initial: '1' },
  { key: 'spacePerRackUnitMonthUSD', label: 'Space (USD per rack unit-month)', initial: '20' },
  { key: 'opsPerServerMonthUSD', label: 'Operations (USD per server-month)', initial: '60' },
];

/** Works out an on-premise server's amortised monthly cost and puts it into the server class's price. */
export function OnPremCalculator({ site, index, onDone }: { site: number; index: number; onDone: () => void }) {
  const baseId = useId();
  const edit = useEdit();
  const hours = useAppStore((s) => (s.document as { pricing?: { hoursPerMonth?: unknown } } | null)?.pricing?.hoursPerMonth);
  const [texts, setTexts] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>);
  const input = { ...(Object.fromEntries(FIELDS.map((f) => [f.key, texts[f.key].trim() === '' ? Number.NaN : Number(texts[f.key])])) as Record<Key, number>), ...(typeof hours === 'number' ? { hoursPerMonth: hours } : {}) };
  const problems = checkOnPremCostInput(input);
  const cost = problems.length === 0 ? onPremServerMonthlyCost(input) : null;
  const total = cost ? Math.round(cost.totalUSD * 100) / 100 : null;
  return (
    <div className="editor-subgroup calculator" role="group" aria-label="On-premise cost calculator">
      <div className="editor-row">
        {FIELDS.map((f) => {
          const problem = problems.find((p) => p.field === f.key);
          return (
            <div className="field editor-field" key={f.key}>
              <label htmlFor={`${baseId}-${f.key}`}>{f.label}</label>
              <input
                id={`${baseId}-${f.key}`}
                type="text"
                inputMode="decimal"
                value={texts[f.key]}
                aria-invalid={problem !== undefined}
                onChange={(e) => setTexts({ ...texts, [f.key]: e.currentTarget.value })}
              />
              {problem && <span className="field-error">{problem.message}</span>}
            </div>
          );
        })}
      </div>
      {cost && total !== null && (
        <p data-testid="onprem-total">
          Hardware {formatMoney(cost.hardwareUSD)} + power {formatMoney(cost.powerUSD)} + space {formatMoney(cost.spaceUSD)} + operations {formatMoney(cost.operationsUSD)} ={' '}
          <strong>{formatMoney(cost.totalUSD)}</strong> per server-month
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={total === null}
        onClick={() => {
          if (total === null) return;
          edit((doc) => setAt(setAt(doc, ['sites', site, 'serverClasses', index, 'priceUSD'], total), ['sites', site, 'serverClasses', index, 'billing'], 'month'));
          onDone();
        }}
      >
        Use {total !== null ? formatMoney(total) : '…'} per month
      </button>
    </div>
  );
}
