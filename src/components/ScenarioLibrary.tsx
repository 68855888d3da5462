import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, ScenarioRejectedError } from '../app/errors';
import type { LibraryEntry } from '../app/persistence/db';
import { MAX_NAME_LENGTH } from '../app/persistence/library';
import { useScenarioName } from '../app/store';
import {
  useDeleteScenario,
  useDuplicateScenario,
  useLibraryEntries,
  useOpenSavedScenario,
  useRenameScenario,
  useSaveScenarioAs,
} from '../app/useScenarioLibrary';
import { IssueList } from './IssueList';

const savedAtFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "Library": the scenarios saved in this browser, in a dialog. Save the working
 * scenario under a name; open, rename, duplicate or delete a saved one.
 */
export function ScenarioLibrary() {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button ref={buttonRef} type="button" className="button button-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Library
      </button>
      <dialog
        ref={dialogRef}
        className="library-dialog"
        aria-labelledby="library-title"
        onClose={() => {
          setOpen(false);
          buttonRef.current?.focus();
        }}
      >
        {open && <LibraryContent onDone={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function LibraryContent({ onDone }: { onDone: () => void }) {
  const currentName = useScenarioName();
  const [name, setName] = useState(currentName);
  const [announcement, setAnnouncement] = useState('');
  const entries = useLibraryEntries();
  const saveAs = useSaveScenarioAs();
  const ids = { name: useId(), listTitle: useId() };
  const listTitleRef = useRef<HTMLHeadingElement>(null);

  function onSave(event: FormEvent) {
    event.preventDefault();
    saveAs.mutate(name, { onSuccess: (entry) => setAnnouncement(`Saved “${entry.name}”.`) });
  }

  return (
    <div className="library">
      <div className="panel-heading">
        <h2 id="library-title">Scenario library</h2>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Close
        </button>
      </div>
      <p className="muted small">Saved in this browser only; nothing leaves your machine. Export a file to keep a copy elsewhere.</p>

      <form className="library-save" onSubmit={onSave}>
        <label htmlFor={ids.name}>Save the current scenario as</label>
        <div className="library-save-row">
          <input id={ids.name} type="text" value={name} maxLength={MAX_NAME_LENGTH} required onChange={(e) => setName(e.currentTarget.value)} />
          <button type="submit" className="button button-primary" disabled={saveAs.isPending}>
            Save
          </button>
        </div>
        {saveAs.isError && (
          <p role="alert" className="inline-error">
            Not saved: {errorMessage(saveAs.error)}
          </p>
        )}
      </form>

      <p role="status" className="library-announcement small" data-testid="library-status">
        {announcement}
      </p>

      <h3 id={ids.listTitle} ref={listTitleRef} tabIndex={-1}>
        Saved scenarios
      </h3>
      {entries.isPending && <p className="muted small">Loading…</p>}
      {entries.isError && (
        <p role="alert" className="inline-error">
          The library could not be read: {errorMessage(entries.error)}
        </p>
      )}
      {entries.data && entries.data.length === 0 && <p className="muted small">No saved scenarios yet: save the current one above.</p>}
      {entries.data && entries.data.length > 0 && (
        <ul className="library-list" aria-labelledby={ids.listTitle}>
          {entries.data.map((entry) => (
            <LibraryRow
              key={entry.id}
              entry={entry}
              onOpened={onDone}
              onDeleted={(text) => {
                setAnnouncement(text);
                listTitleRef.current?.focus(); // the row and its buttons are gone
              }}
              announce={setAnnouncement}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

type RowMode = 'view' | 'rename' | 'confirm-delete';

interface LibraryRowProps {
  entry: LibraryEntry;
  onOpened: () => void;
  onDeleted: (announcement: string) => void;
  announce: (text: string) => void;
}

function LibraryRow({ entry, onOpened, onDeleted, announce }: LibraryRowProps) {
  const [mode, setMode] = useState<RowMode>('view');
  const [newName, setNewName] = useState(entry.name);
  const openSaved = useOpenSavedScenario();
  const rename = useRenameScenario();
  const duplicate = useDuplicateScenario();
  const remove = useDeleteScenario();
  const renameId = useId();
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const quoted = `“${entry.name}”`;
  const error = openSaved.error ?? rename.error ?? duplicate.error ?? remove.error;

  function backToView() {
    setMode('view');
    // Return focus to the row's actions once they are back.
    setTimeout(() => renameButtonRef.current?.focus(), 0);
  }

  function onRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate(
      { id: entry.id, name: newName },
      {
        onSuccess: (renamed) => {
          announce(`Renamed ${quoted} to “${renamed.name}”.`);
          backToView();
        },
      },
    );
  }

  return (
    <li className="library-entry" data-testid="library-entry" data-name={entry.name}>
      {mode === 'rename' ? (
        <form className="library-rename" onSubmit={onRename}>
          <label htmlFor={renameId} className="visually-hidden">
            New name for {quoted}
          </label>
          <input
            id={renameId}
            type="text"
            value={newName}
            maxLength={MAX_NAME_LENGTH}
            required
            autoFocus
            onChange={(e) => setNewName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault(); // cancel the rename, not the dialog
                e.stopPropagation();
                backToView();
              }
            }}
          />
          <button type="submit" className="button button-primary" disabled={rename.isPending}>
            Save name
          </button>
          <button type="button" className="button button-secondary" onClick={backToView}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="library-entry-main">
          <span className="library-entry-name" data-testid="library-entry-name">
            {entry.name}
          </span>
          <span className="muted small">saved {savedAtFormat.format(entry.savedAt)}</span>
        </div>
      )}

      {mode === 'view' && (
        <div className="library-entry-actions">
          <button
            type="button"
            className="button button-primary"
            aria-label={`Open ${quoted}`}
            disabled={openSaved.isPending}
            onClick={() => openSaved.mutate(entry.id, { onSuccess: onOpened })}
          >
            Open
          </button>
          <button
            ref={renameButtonRef}
            type="button"
            className="button button-secondary"
            aria-label={`Rename ${quoted}`}
            onClick={() => {
              setNewName(entry.name);
              setMode('rename');
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-label={`Duplicate ${quoted}`}
            disabled={duplicate.isPending}
            onClick={() => duplicate.mutate(entry.id, { onSuccess: (copy) => announce(`Duplicated ${quoted} as “${copy.name}”.`) })}
          >
            Duplicate
          </button>
          <button type="button" className="button button-secondary" aria-label={`Delete ${quoted}`} onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}

      {mode === 'confirm-delete' && (
        <div className="library-entry-actions" role="group" aria-label={`Delete ${quoted}?`}>
          <span className="small">Delete {quoted}? This cannot be undone.</span>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            disabled={remove.isPending}
            onClick={() => remove.mutate(entry, { onSuccess: () => onDeleted(`Deleted ${quoted}.`) })}
          >
            Yes, delete
          </button>
          <button type="button" className="button button-secondary" onClick={backToView}>
            Keep
          </button>
        </div>
      )}

      {error && (
        <div role="alert" className="inline-error">
          <p>{errorMessage(error)}</p>
          {error instanceof ScenarioRejectedError && <IssueList issues={error.issues} />}
        </div>
      )}
    </li>
  );
}
