/**
 * The solver settings as the Solve panel edits them: what the user typed in each
 * field (kept even while it is not a valid value), written to the store as soon
 * as it is valid, and replaced when the store's settings change from outside (a
 * shared link, a saved scenario).
 */
import { useState } from 'react';
import type { PlacementObjective } from '../planner/placement/layoutModel';
import { MAX_AMORTISATION_MONTHS } from './settings';
import { selectSettings, useAppStore } from './store';

export const MAX_TIME_LIMIT_SECONDS = 3600;

export function parseTimeLimit(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 1 && n <= MAX_TIME_LIMIT_SECONDS ? n : null;
}

/** A gap in percent (0 to under 100) as the solver's relative gap (0 to under 1, as a shared link requires). */
export function parseGapPercent(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n < 100 ? n / 100 : null;
}

/** A gap (0.05) as the percentage typed in the field ("5"), without binary noise (7.000000000000001). */
export function gapPercentText(gap: number): string {
  return String(Number((gap * 100).toPrecision(12)));
}

function parseMonths(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_AMORTISATION_MONTHS ? n : null;
}

function parseNonNegative(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

export interface TextField {
  text: string;
  valid: boolean;
  onChange(text: string): void;
}

/** A field's text, re-synchronised when the stored value changes to something the text does not say. */
function useSyncedText(value: number, parse: (text: string) => number | null, format: (value: number) => string, store: (value: number) => void): TextField {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parse(text) !== value) setText(format(value));
  }
  return {
    text,
    valid: parse(text) !== null,
    onChange(next) {
      setText(next);
      const parsed = parse(next);
      if (parsed !== null) store(parsed);
    },
  };
}

type ObjectiveKind = PlacementObjective['kind'];

function objectiveFrom(kind: ObjectiveKind, budgetText: string, weightText: string): PlacementObjective | null {
  if (kind === 'cost') return { kind };
  if (kind === 'delay') {
    const budgetUSD = parseNonNegative(budgetText);
    return budgetUSD === null ? null : { kind, budgetUSD };
  }
  const usdPerMs = parseNonNegative(weightText);
  return usdPerMs === null ? null : { kind, usdPerMs };
}

function sameObjective(a: PlacementObjective | null, b: PlacementObjective): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export function useSettingsForm() {
  const settings = useAppStore(selectSettings);
  const actions = useAppStore.getState();
  const timeLimit = useSyncedText(settings.timeLimitSeconds, parseTimeLimit, String, actions.setTimeLimitSeconds);
  const gap = useSyncedText(settings.mipGap, parseGapPercent, gapPercentText, actions.setMipGap);
  const months = useSyncedText(settings.migrationAmortisationMonths, parseMonths, String, actions.setMigrationAmortisationMonths);

  const objective = settings.objective;
  const [kind, setKind] = useState<ObjectiveKind>(objective.kind);
  const [budgetText, setBudgetText] = useState(objective.kind === 'delay' ? String(objective.budgetUSD) : '');
  const [weightText, setWeightText] = useState(objective.kind === 'weighted' ? String(objective.usdPerMs) : '');
  const [shownObjective, setShownObjective] = useState(objective);
  if (shownObjective !== objective) {
    setShownObjective(objective);
    if (!sameObjective(objectiveFrom(kind, budgetText, weightText), objective)) {
      setKind(objective.kind);
      if (objective.kind === 'delay') setBudgetText(String(objective.budgetUSD));
      if (objective.kind === 'weighted') setWeightText(String(objective.usdPerMs));
    }
  }
  const storeObjective = (next: PlacementObjective | null) => {
    if (next !== null) actions.setObjective(next);
  };

  const budgetValid = parseNonNegative(budgetText) !== null;
  const weightValid = parseNonNegative(weightText) !== null;
  const reason = !timeLimit.valid
    ? `The time limit must be between 1 and ${MAX_TIME_LIMIT_SECONDS} seconds.`
    : !gap.valid
      ? 'The MIP gap must be a percentage from 0 to less than 100.'
      : kind === 'delay' && !budgetValid
        ? 'Enter the monthly budget in USD (0 or more).'
        : kind === 'weighted' && !weightValid
          ? 'Enter what 1 ms of mean response time is worth, in USD per month (0 or more).'
          : !months.valid
            ? `The amortisation horizon must be a whole number of months from 0 to ${MAX_AMORTISATION_MONTHS}.`
            : null;

  return {
    timeLimit,
    gap,
    months,
    kind,
    setKind(next: ObjectiveKind) {
      setKind(next);
      storeObjective(objectiveFrom(next, budgetText, weightText));
    },
    budget: {
      text: budgetText,
      valid: budgetValid,
      onChange(text: string) {
        setBudgetText(text);
        if (kind === 'delay') storeObjective(objectiveFrom('delay', text, weightText));
      },
    } satisfies TextField,
    weight: {
      text: weightText,
      valid: weightValid,
      onChange(text: string) {
        setWeightText(text);
        if (kind === 'weighted') storeObjective(objectiveFrom('weighted', budgetText, text));
      },
    } satisfies TextField,
    /** Why Solve is not possible with what the fields say, or null. */
    reason,
  };
}
