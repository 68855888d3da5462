/**
 * Ctrl/Cmd+Z undoes the last scenario edit, Ctrl/Cmd+Shift+Z and Ctrl+Y redo it,
 * also while typing in a field: the store's history folds the keystrokes of one
 * field into one step, so it replaces the input's own undo.
 */
import { useEffect } from 'react';
import { useAppStore } from './store';

export type ShortcutAction = 'undo' | 'redo' | null;

export function shortcutAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutAction(e);
      if (!action) return;
      e.preventDefault();
      const state = useAppStore.getState();
      if (action === 'undo') state.undo();
      else state.redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
