import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installGlobalErrorReporting } from './app/globalErrors';
import { createQueryClient } from './app/queryClient';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

installGlobalErrorReporting();

const queryClient = createQueryClient();
const container = document.getElementById('root');
if (!container) throw new Error('Tierwise: the page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary title="Tierwise could not show the page">
        <App />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
