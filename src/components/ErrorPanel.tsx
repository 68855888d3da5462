import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ValidationIssue } from '../planner';
import { IssueList } from './IssueList';

interface ErrorPanelProps {
  title: string;
  children?: ReactNode;
  issues?: readonly ValidationIssue[];
  /** Extra buttons, e.g. "Try again". */
  actions?: ReactNode;
  onDismiss?: () => void;
  /**
   * Bring the panel into view and move keyboard focus to it whenever this value
   * changes (e.g. the problem object): for errors caused by an action elsewhere on the page.
   */
  focusKey?: unknown;
}

/** A problem the user has to know about: announced to screen readers, never only in the console. */
export function ErrorPanel({ title, children, issues, actions, onDismiss, focusKey }: ErrorPanelProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusKey === undefined || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focusKey]);
  return (
    <section
      ref={ref}
      role="alert"
      aria-labelledby={titleId}
      className="panel panel-error"
      tabIndex={focusKey === undefined ? undefined : -1}
    >
      <div className="panel-heading">
        <h2 id={titleId}>{title}</h2>
        {onDismiss && (
          <button type="button" className="button button-quiet" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {children}
      {issues && issues.length > 0 && <IssueList issues={issues} />}
      {actions && <div className="panel-actions">{actions}</div>}
    </section>
  );
}
