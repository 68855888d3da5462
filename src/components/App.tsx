import { selectFileProblem, selectLinkProblem, selectRevision, selectUnexpectedError, useAppStore } from '../app/store';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorPanel } from './ErrorPanel';
import { Workspace } from './Workspace';

/** A file the user picked that could not be used: every problem, and the reassurance that nothing changed. */
function FileProblemPanel() {
  const problem = useAppStore(selectFileProblem);
  const dismiss = useAppStore((s) => s.dismissFileProblem);
  if (!problem) return null;
  const count = problem.issues.length;
  return (
    <ErrorPanel title={`Could not open “${problem.fileName}”`} issues={problem.issues} onDismiss={dismiss} focusKey={problem}>
      <p>
        {count === 1 ? 'It has a problem' : `It has ${count} problems`}; the current scenario is unchanged.
      </p>
    </ErrorPanel>
  );
}

/** A shared link that could not be opened: why, and the reassurance that the saved work is untouched. */
function LinkProblemPanel() {
  const problem = useAppStore(selectLinkProblem);
  const dismiss = useAppStore((s) => s.dismissLinkProblem);
  if (!problem) return null;
  const count = problem.issues?.length ?? 0;
  const summary =
    count > 0
      ? `The scenario in the link has ${count === 1 ? 'a problem' : `${count} problems`}:`
      : `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`;
  return (
    <ErrorPanel title="Could not open the shared link" issues={problem.issues} onDismiss={dismiss} focusKey={problem}>
      <p data-testid="link-problem">{summary}</p>
      <p className="muted small">Nothing was changed: your saved work is as you left it.</p>
    </ErrorPanel>
  );
}

function UnexpectedErrorPanel() {
  const message = useAppStore(selectUnexpectedError);
  const dismiss = useAppStore((s) => s.dismissUnexpectedError);
  if (!message) return null;
  return (
    <ErrorPanel title="Something unexpected went wrong" onDismiss={dismiss} focusKey={message}>
      <p>{message}</p>
      <p className="muted small">Your scenario is kept. If this repeats, reload the page.</p>
    </ErrorPanel>
  );
}

export function App() {
  const revision = useAppStore(selectRevision);
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <UnexpectedErrorPanel />
        <LinkProblemPanel />
        <FileProblemPanel />
        <ErrorBoundary resetKey={revision}>
          <Workspace />
        </ErrorBoundary>
      </main>
    </div>
  );
}
