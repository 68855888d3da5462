import { useId } from 'react';
import { SAMPLES } from '../planner/samples';
import { selectSampleId, selectSource, useAppStore } from '../app/store';

/** Loads one of the built-in scenarios. The option values are the sample ids. */
export function SamplePicker() {
  const id = useId();
  const sampleId = useAppStore(selectSampleId);
  const source = useAppStore(selectSource);
  const loadSample = useAppStore((s) => s.loadSample);
  return (
    <div className="header-field">
      <label htmlFor={id}>Sample scenario</label>
      <select id={id} value={sampleId ?? ''} onChange={(e) => loadSample(e.currentTarget.value)}>
        {source.kind === 'file' && (
          <option value="" disabled>
            (opened file)
          </option>
        )}
        {SAMPLES.map((sample) => (
          <option key={sample.id} value={sample.id} title={sample.summary}>
            {sample.title}
          </option>
        ))}
      </select>
    </div>
  );
}
