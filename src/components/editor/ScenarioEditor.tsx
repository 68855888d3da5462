import { memo, useMemo } from 'react';
import { fieldForIssue, issuesByPath } from '../../app/editing/paths';
import { selectCanRedo, selectCanUndo, useAppStore, useScenarioValidation } from '../../app/store';
import type { ValidationIssue } from '../../planner';
import { ApplicationsEditor } from './ApplicationsEditor';
import { DemandEditor } from './DemandEditor';
import { IssuesContext } from './fields';
import { GeneralEditor } from './GeneralEditor';
import { NetworkEditor } from './NetworkEditor';
import { SecurityEditor } from './SecurityEditor';
import { SitesEditor } from './SitesEditor';
import { UserRegionsEditor } from './UserRegionsEditor';

/** Moves the keyboard focus to the field (or the section) an issue is about. */
export function focusIssue(issue: ValidationIssue): boolean {
  const id = fieldForIssue(issue, (candidate) => document.getElementById(candidate) !== null);
  const element = id ? document.getElementById(id) : null;
  if (!element) return false;
  // A closed <details> hides its fields: open the ones around it first.
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (parent instanceof HTMLDetailsElement) parent.open = true;
  element.scrollIntoView({ block: 'center' });
  if (!element.matches('input, select, textarea, button')) element.setAttribute('tabindex', '-1');
  element.focus();
  return true;
}

export function UndoRedoButtons() {
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">
        Redo
      </button>
    </div>
  );
}

function EditorIssueSummary({ issues }: { issues: readonly ValidationIssue[] }) {
  if (issues.length === 0)
    return (
      <p className="notice editor-valid" role="status" data-testid="editor-valid">
        The scenario is complete and valid: it can be solved.
      </p>
    );
  return (
    <details className="panel panel-error editor-issues" data-testid="editor-issues">
      <summary>
        {issues.length} problem{issues.length === 1 ? '' : 's'} to fix before solving (each is also shown at its field)
      </summary>
      <ul className="issue-list">
        {issues.map((issue, i) => (
          <li key={`${i}:${issue.path}`}>
            <button type="button" className="button-quiet" onClick={() => focusIssue(issue)}>
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The sections take no props: each field reads its own value and messages, so an edit re-renders
 * the fields it touches, not the whole editor (memo keeps the parent's re-render from reaching them).
 */
const EditorSections = memo(function EditorSections() {
  return (
    <>
      <GeneralEditor />
      <SitesEditor />
      <NetworkEditor />
      <UserRegionsEditor />
      <ApplicationsEditor />
      <SecurityEditor />
      <DemandEditor />
    </>
  );
});

/** Every part of the scenario, editable, with the validator's messages at the fields they are about. */
export function ScenarioEditor() {
  const validation = useScenarioValidation();
  const issues = validation.ok ? [] : validation.issues;
  // Most edits leave the messages as they were: keep the same map then, so the fields do not all re-render.
  const issuesText = issues.map((i) => `${i.path}\u0000${i.message}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content on purpose
  const byPath = useMemo(() => issuesByPath(issues), [issuesText]);
  const newScenario = useAppStore((s) => s.newScenario);
  return (
    <section className="card scenario-editor" aria-labelledby="scenario-editor-title">
      <div className="card-heading editor-toolbar">
        <h2 id="scenario-editor-title">Edit scenario</h2>
        <UndoRedoButtons />
        <button type="button" className="button" onClick={newScenario}>
          New empty scenario
        </button>
      </div>
      <EditorIssueSummary issues={issues} />
      <IssuesContext.Provider value={byPath}>
        <EditorSections />
      </IssuesContext.Provider>
    </section>
  );
}
