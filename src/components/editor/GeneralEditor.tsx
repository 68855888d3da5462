import { useState } from 'react';
import { fieldId } from '../../app/editing/paths';
import { setAt } from '../../app/editing/scenarioEdits';
import { useAppStore } from '../../app/store';
import { NumberInput, SectionIssues, TextInput, useEdit } from './fields';

/** Price sources, one per line. */
function SourcesField() {
  // The id the issue summary jumps to for this path.
  const id = fieldId('pricing.sources');
  const edit = useEdit();
  const sources = useAppStore((s) => (s.document as { pricing?: { sources?: unknown } } | null)?.pricing?.sources);
  const text = Array.isArray(sources) ? sources.join('\n') : '';
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  if (text !== seen) {
    setSeen(text);
    setDraft(text);
  }
  return (
    <div className="field editor-field">
      <label htmlFor={id}>Price sources (one per line)</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDraft(next);
          const list = next.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          setSeen(list.join('\n'));
          edit((doc) => setAt(doc, ['pricing', 'sources'], list), 'pricing.sources');
        }}
      />
      <SectionIssues path={['pricing', 'sources']} />
    </div>
  );
}

export function GeneralEditor() {
  return (
    <section className="editor-section" aria-labelledby="editor-general" id={fieldId('')}>
      <h3 id="editor-general">Scenario</h3>
      <SectionIssues path={[]} />
      <div className="editor-row">
        <TextInput path={['name']} label="Scenario name" />
      </div>
      <TextInput path={['description']} label="Description" optional multiline />
      <h4 id={fieldId('pricing')}>Pricing</h4>
      <SectionIssues path={['pricing']} />
      <div className="editor-row">
        <TextInput path={['pricing', 'asOf']} label="Prices as of (YYYY-MM-DD)" />
        <NumberInput path={['pricing', 'hoursPerMonth']} label="Hours per month" hint="Hourly prices × this = monthly" />
      </div>
      <SourcesField />
    </section>
  );
}
