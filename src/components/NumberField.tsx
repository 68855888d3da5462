import { useId, type ReactNode } from 'react';
import type { TextField } from '../app/useSettingsForm';

interface NumberFieldProps {
  label: string;
  hint?: ReactNode;
  field: TextField;
  disabled?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  inputMode?: 'numeric' | 'decimal';
}

/** A labelled number input whose text is kept as typed; an invalid value is marked, not replaced. */
export function NumberField({ label, hint, field, disabled, min, max, step = 'any', inputMode = 'decimal' }: NumberFieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        value={field.text}
        disabled={disabled}
        aria-invalid={!field.valid}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => field.onChange(e.currentTarget.value)}
      />
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
