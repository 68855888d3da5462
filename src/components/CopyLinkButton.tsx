import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../app/errors';
import { formatInteger } from '../app/format';
import { shareUrl } from '../app/shareLink';
import { selectDocument, selectSettings, useAppStore, useScenarioValidation } from '../app/store';
import { judgeLinkLength, SHARE_LINK_FILE_EXPORT_LENGTH, SHARE_LINK_WARN_LENGTH } from '../planner/share/linkCodec';
import { ExportScenarioButton } from './ExportScenarioButton';

type CopyState = 'copying' | 'copied' | 'manual';

/**
 * "Copy link": the scenario and the solver settings in a link, copied to the
 * clipboard. The link is also shown, selected, for copying by hand when the
 * browser does not allow the clipboard, with its length and a warning when chat
 * and mail apps may cut it.
 */
export function CopyLinkButton() {
  const document = useAppStore(selectDocument);
  const settings = useAppStore(selectSettings);
  const validation = useScenarioValidation();
  const [open, setOpen] = useState(false);
  const [copyState, setCopyState] = useState<CopyState>('copying');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const ids = { panel: useId(), title: useId(), field: useId() };

  // Recomputed while the panel is open, so the link always describes the page.
  const link = useMemo(() => {
    if (!open) return null;
    try {
      return { ok: true as const, url: shareUrl(document, settings) };
    } catch (error) {
      return { ok: false as const, message: errorMessage(error) };
    }
  }, [open, document, settings]);

  async function copy() {
    let url: string;
    try {
      url = shareUrl(document, settings);
    } catch {
      setOpen(true);
      return;
    }
    setCopyState('copying');
    setOpen(true);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('manual');
    }
  }

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  // Select the link for Ctrl+C as soon as the panel shows it.
  useEffect(() => {
    if (open && copyState !== 'copying') {
      fieldRef.current?.focus();
      fieldRef.current?.select();
    }
  }, [open, copyState]);

  // A click elsewhere closes the panel.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    window.document.addEventListener('pointerdown', onPointerDown);
    return () => window.document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const verdict = link?.ok ? judgeLinkLength(link.url.length) : 'ok';
  return (
    <div className="copy-link">
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={open ? ids.panel : undefined}
        disabled={!validation.ok}
        title={validation.ok ? 'Copy a link that opens this scenario and its solver settings' : 'Fix the scenario’s problems before sharing it'}
        onClick={() => void copy()}
      >
        Copy link
      </button>
      {open && (
        <div
          ref={panelRef}
          id={ids.panel}
          className="popover"
          role="dialog"
          aria-labelledby={ids.title}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className="panel-heading">
            <h2 id={ids.title}>Share this scenario</h2>
            <button type="button" className="button button-quiet" onClick={close}>
              Close
            </button>
          </div>
          {link && !link.ok && (
            <p role="alert" className="inline-error">
              The link could not be made: {link.message}
            </p>
          )}
          {link?.ok && (
            <>
              <p role="status" className="small">
                {copyState === 'copied' && 'Link copied to the clipboard.'}
                {copyState === 'manual' && 'The browser did not allow copying: the link below is selected, press Ctrl+C (⌘C on a Mac).'}
                {copyState === 'copying' && 'Copying…'}
              </p>
              <label htmlFor={ids.field} className="small">
                Link ({formatInteger(link.url.length)} characters)
              </label>
              <input
                ref={fieldRef}
                id={ids.field}
                className="share-link-field"
                type="text"
                readOnly
                value={link.url}
                data-testid="share-link"
                data-length={link.url.length}
                onFocus={(e) => e.currentTarget.select()}
              />
              {verdict === 'long' && (
                <p className="warning-note small" data-testid="share-link-warning">
                  This link is longer than {formatInteger(SHARE_LINK_WARN_LENGTH)} characters: some chat and mail apps cut long links.
                  Check that it arrives whole, or send the scenario file instead.
                </p>
              )}
              {verdict === 'too-long' && (
                <div className="warning-note small" data-testid="share-link-warning">
                  <p>
                    This link is longer than {formatInteger(SHARE_LINK_FILE_EXPORT_LENGTH)} characters, too long for most chat and mail apps.
                    Use <strong>Export scenario file</strong> instead and send the file.
                  </p>
                  <ExportScenarioButton />
                </div>
              )}
              <p className="muted small">
                The scenario travels inside the link (after the #), which browsers never send to a server. Anyone with the link can read it.
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
