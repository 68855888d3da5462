import { selectFileProblem, selectRevision, selectUnexpectedError, useAppStore } from '../app/store';
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
        <FileProblemPanel />
        <ErrorBoundary resetKey={revision}>
          <Workspace />
        </ErrorBoundary>
      </main>
    </div>
  );
}
