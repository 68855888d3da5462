import { useId } from 'react';
import { SAMPLES } from '../planner/samples';
import { selectSampleId, selectSource, useAppStore, type ScenarioSource } from '../app/store';

const OTHER_SOURCE: Record<Exclude<ScenarioSource['kind'], 'sample'>, string> = {
  file: '(opened file)',
  link: '(shared link)',
  library: '(from the library)',
  new: '(new scenario)',
};

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
        {source.kind !== 'sample' && (
          <option value="" disabled>
            {OTHER_SOURCE[source.kind]}
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
