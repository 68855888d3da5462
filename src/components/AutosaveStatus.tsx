import { useAutosaveStatus } from '../app/persistence/status';

/** One line in the header: whether the working scenario is kept in this browser. */
export function AutosaveStatus() {
  const status = useAutosaveStatus((s) => s.status);
  let text: string;
  switch (status.state) {
    case 'starting':
      text = 'autosaves in this browser';
      break;
    case 'pending':
      text = 'saving…';
      break;
    case 'saved':
      text = 'saved in this browser';
      break;
    case 'not-saved':
      text = `not saved: ${status.reason}`;
      break;
  }
  return (
    <span className={`autosave-status autosave-${status.state}`} data-testid="autosave-status" data-state={status.state} title={text}>
      {text}
    </span>
  );
}
