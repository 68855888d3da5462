import { describe, expect, it } from 'vitest';
import webshop from '../planner/samples/webshop.json' with { type: 'json' };
import { blockedReasonFor } from './blockedReason';
import { setAt } from './editing/scenarioEdits';
import { DEFAULT_SETTINGS } from './settings';
import { solveKey } from './solveKey';
import { shortcutAction } from './useUndoShortcuts';

const key = (k: Partial<KeyboardEvent>) => ({ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k });

describe('undo shortcuts', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl/Cmd+Shift+Z and Ctrl+Y to redo', () => {
    expect(shortcutAction(key({ ctrlKey: true }))).toBe('undo');
    expect(shortcutAction(key({ metaKey: true }))).toBe('undo');
    expect(shortcutAction(key({ ctrlKey: true, shiftKey: true, key: 'Z' }))).toBe('redo');
    expect(shortcutAction(key({ ctrlKey: true, key: 'y' }))).toBe('redo');
    expect(shortcutAction(key({}))).toBeNull();
    expect(shortcutAction(key({ ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('solve cache key', () => {
  it('equal content gives an equal key; a changed number or setting another one', () => {
    const a = solveKey(structuredClone(webshop), DEFAULT_SETTINGS);
    expect(solveKey(structuredClone(webshop), { ...DEFAULT_SETTINGS })).toEqual(a);
    expect(solveKey(setAt(webshop, ['sites', 0, 'capacity', 'servers'], 25), DEFAULT_SETTINGS)).not.toEqual(a);
    expect(solveKey(webshop, { ...DEFAULT_SETTINGS, mipGap: 0 })).not.toEqual(a);
  });
});

describe('why Solve is disabled', () => {
  it('names the first problem, which starts with where it is, and counts the rest', () => {
    const issues = [
      { path: 'sites[0].name', message: 'sites[0].name must not be empty, got ""' },
      { path: 'userRegions', message: 'userRegions …' },
      { path: 'x', message: 'x …' },
    ];
    expect(blockedReasonFor(issues)).toBe('Solving is disabled: sites[0].name must not be empty, got "" (and 2 more problems).');
    expect(blockedReasonFor(issues.slice(0, 1))).toBe('Solving is disabled: sites[0].name must not be empty, got "".');
  });
});
