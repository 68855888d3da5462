import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../app/errors';
import { ErrorPanel } from './ErrorPanel';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this changes (e.g. another scenario is loaded), a shown error is cleared. */
  resetKey?: unknown;
  title?: string;
}

interface ErrorBoundaryState {
  error: unknown;
  hasError: boolean;
}

/**
 * Catches rendering errors so that one broken view never blanks the page. The
 * scenario lives in the store, outside this tree, so it survives the error.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Tierwise: a view failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.hasError && previous.resetKey !== this.props.resetKey) this.reset();
  }

  reset = () => this.setState({ error: null, hasError: false });

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <ErrorPanel
        title={this.props.title ?? 'Something went wrong while showing this page'}
        actions={
          <button type="button" className="button" onClick={this.reset}>
            Try again
          </button>
        }
      >
        <p>{errorMessage(this.state.error)}</p>
        <p className="muted">Your scenario is kept. Try again, or load another scenario from the header.</p>
      </ErrorPanel>
    );
  }
}
