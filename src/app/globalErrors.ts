/**
 * Errors that escape every handler still reach the user: unhandled promise
 * rejections and script errors are put into the store and shown in a panel.
 */
import { errorMessage } from './errors';
import { useAppStore } from './store';

/** Browser noise that is not an error of the app. */
const IGNORED = [/ResizeObserver loop/i];

export function installGlobalErrorReporting(target: Window = window): () => void {
  const report = (message: string) => {
    if (IGNORED.some((pattern) => pattern.test(message))) return;
    useAppStore.getState().reportUnexpectedError(message);
  };
  const onError = (event: ErrorEvent) => report(event.error ? errorMessage(event.error) : event.message);
  const onRejection = (event: PromiseRejectionEvent) => report(errorMessage(event.reason));
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
