import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { errorMessage } from './app/errors';
import { installGlobalErrorReporting } from './app/globalErrors';
import { startPersistence } from './app/persistence/startup';
import { createQueryClient } from './app/queryClient';
import { useAppStore } from './app/store';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

installGlobalErrorReporting();

const queryClient = createQueryClient();
const container = document.getElementById('root');
if (!container) throw new Error('Tierwise: the page has no #root element.');
const root = createRoot(container);

// The first paint waits for the shared link or the autosave (a few milliseconds; at most
// STARTUP_TIMEOUT_MS), so the default sample never flashes up and is never saved over them.
void startPersistence(useAppStore)
  .catch((error: unknown) => useAppStore.getState().reportUnexpectedError(`Saving in this browser is off: ${errorMessage(error)}`))
  .finally(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <ErrorBoundary title="Tierwise could not show the page">
            <App />
          </ErrorBoundary>
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
