/**
 * The editor's inputs. Each is bound to a path into the raw document: it shows
 * the value there, writes what is typed back through the store's `edit`, and
 * shows the validator's messages for exactly that path (the same sentences the
 * file importer prints). A value that is not valid yet is kept as typed, never
 * replaced, and the message says what is wrong.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { fieldId, getAt, pathKey, type DocPath } from '../../app/editing/paths';
import { setAt } from '../../app/editing/scenarioEdits';
import { useAppStore } from '../../app/store';
import type { ValidationIssue } from '../../planner';

export const IssuesContext = createContext<Map<string, ValidationIssue[]>>(new Map());

const NO_ISSUES: ValidationIssue[] = [];

export function useIssuesAt(path: DocPath): ValidationIssue[] {
  return useContext(IssuesContext).get(pathKey(path)) ?? NO_ISSUES;
}

/** The document's value at a path; a primitive or an unchanged object, so the component re-renders only when it changes. */
export function useDocValue(path: DocPath): unknown {
  return useAppStore((s) => getAt(s.document, path));
}

export function useEdit() {
  return useAppStore((s) => s.edit);
}

/** Turns the typed value into the document's next one (by default: set it at the path). */
type Apply = (document: unknown, value: unknown) => unknown;

export function FieldMessages({ id, issues }: { id: string; issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <span id={id} className="field-error" data-testid="field-error">
      {issues.map((i) => i.message).join(' · ')}
    </span>
  );
}

/** Messages about a whole list or object (e.g. "sites must list at least one site"), at the place that edits it. */
export function SectionIssues({ path }: { path: DocPath }) {
  const issues = useIssuesAt(path);
  if (issues.length === 0) return null;
  return (
    <ul className="section-issues" data-testid="section-error">
      {issues.map((i, n) => (
        <li key={n}>{i.message}</li>
      ))}
    </ul>
  );
}

interface BaseProps {
  path: DocPath;
  label: string;
  hint?: ReactNode;
  apply?: Apply;
  className?: string;
}

function useFieldParts(path: DocPath) {
  const key = pathKey(path);
  const issues = useIssuesAt(path);
  const messageId = useId();
  return { key, issues, messageId, id: fieldId(key), invalid: issues.length > 0 };
}

function Wrapper({ id, label, hint, children, messages, className }: { id: string; label: string; hint?: ReactNode; children: ReactNode; messages: ReactNode; className?: string }) {
  return (
    <div className={`field editor-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {messages}
    </div>
  );
}

/** Text; an empty optional field is removed from the document. */
export function TextInput({ path, label, hint, apply, optional, className, multiline }: BaseProps & { optional?: boolean; multiline?: boolean }) {
  const parts = useFieldParts(path);
  const value = useDocValue(path);
  const edit = useEdit();
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const onChange = (next: string) => {
    const v = optional && next === '' ? undefined : next;
    edit((doc) => (apply ? apply(doc, v) : setAt(doc, path, v)), parts.key);
  };
  const common = {
    id: parts.id,
    value: text,
    'aria-invalid': parts.invalid,
    'aria-describedby': parts.invalid ? parts.messageId : undefined,
    'data-path': parts.key,
  };
  return (
    <Wrapper id={parts.id} label={label} hint={hint} className={className} messages={<FieldMessages id={parts.messageId} issues={parts.issues} />}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} type="text" spellCheck={false} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </Wrapper>
  );
}

/** What a number field's text means: nothing, a number, or (not a number) the text itself, so the validator names it. */
export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

function showNumber(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * A number kept as typed: "1." or "-" stay in the box while the document holds
 * what they mean so far. An empty box removes the field (a default or "none" applies).
 */
export function NumberInput({ path, label, hint, apply, className, onBlur }: BaseProps & { onBlur?: () => void }) {
  const parts = useFieldParts(path);
  const value = useDocValue(path);
  const edit = useEdit();
  const [text, setText] = useState(() => showNumber(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Changed elsewhere (undo, an import, an estimate): show the document's value.
    setSeen(value);
    if (parseNumberText(text) !== value) setText(showNumber(value));
  }
  return (
    <Wrapper id={parts.id} label={label} hint={hint} className={className} messages={<FieldMessages id={parts.messageId} issues={parts.issues} />}>
      <input
        id={parts.id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        value={text}
        aria-invalid={parts.invalid}
        aria-describedby={parts.invalid ? parts.messageId : undefined}
        data-path={parts.key}
        onBlur={onBlur}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const v = parseNumberText(next);
          setSeen(v);
          edit((doc) => (apply ? apply(doc, v) : setAt(doc, path, v)), parts.key);
        }}
      />
    </Wrapper>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A choice; the document's value is kept as an option even when it names nothing known (and the message says so). */
export function SelectInput({ path, label, hint, apply, options, optional, className }: BaseProps & { options: readonly Option[]; optional?: string }) {
  const parts = useFieldParts(path);
  const value = useDocValue(path);
  const edit = useEdit();
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return (
    <Wrapper id={parts.id} label={label} hint={hint} className={className} messages={<FieldMessages id={parts.messageId} issues={parts.issues} />}>
      <select
        id={parts.id}
        value={current}
        aria-invalid={parts.invalid}
        aria-describedby={parts.invalid ? parts.messageId : undefined}
        data-path={parts.key}
        onChange={(e) => {
          const v = e.currentTarget.value === '' && optional !== undefined ? undefined : e.currentTarget.value;
          edit((doc) => (apply ? apply(doc, v) : setAt(doc, path, v)), parts.key);
        }}
      >
        {optional !== undefined && <option value="">{optional}</option>}
        {optional === undefined && current === '' && (
          <option value="" disabled>
            (choose)
          </option>
        )}
        {!known && current !== '' && <option value={current}>{current} (unknown)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** A yes/no field; unticked writes false (or removes the field when `removeWhenOff`). */
export function CheckboxInput({ path, label, hint, apply, removeWhenOff }: BaseProps & { removeWhenOff?: boolean }) {
  const parts = useFieldParts(path);
  const value = useDocValue(path);
  const edit = useEdit();
  return (
    <div className="field editor-field editor-check">
      <label>
        <input
          id={parts.id}
          type="checkbox"
          checked={value === true}
          aria-invalid={parts.invalid}
          data-path={parts.key}
          onChange={(e) => {
            const v = e.currentTarget.checked ? true : removeWhenOff ? undefined : false;
            edit((doc) => (apply ? apply(doc, v) : setAt(doc, path, v)));
          }}
        />
        {label}
      </label>
      {hint && <span className="hint">{hint}</span>}
      <FieldMessages id={parts.messageId} issues={parts.issues} />
    </div>
  );
}

/** Mean and p95 of a round trip. */
export function LatencyInputs({ path, label, apply }: { path: DocPath; label: string; apply?: (field: 'meanMs' | 'p95Ms') => Apply }) {
  return (
    <div className="editor-latency" role="group" aria-label={label} id={fieldId(pathKey(path))}>
      <NumberInput path={[...path, 'meanMs']} label={`${label}: mean (ms)`} {...(apply ? { apply: apply('meanMs') } : {})} />
      <NumberInput path={[...path, 'p95Ms']} label={`${label}: p95 (ms)`} {...(apply ? { apply: apply('p95Ms') } : {})} />
      <FieldMessages id={`${fieldId(pathKey(path))}-msg`} issues={useIssuesAt(path)} />
    </div>
  );
}

/** A small action button with a label that says what it acts on (screen readers hear more than "Remove"). */
export function ActionButton({ children, label, onClick, danger, disabled }: { children: ReactNode; label?: string; onClick: () => void; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={`button button-small${danger ? ' button-danger-quiet' : ''}`} aria-label={label} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  );
}

/**
 * Entries of a record whose key names nothing that exists (a latency to a deleted site in an
 * imported file, a rate for an unknown region): the validator reports them; this offers to remove them.
 */
export function StrayKeys({ path, known, what }: { path: DocPath; known: readonly string[]; what: string }) {
  const edit = useEdit();
  const record = useDocValue(path);
  const stray = record && typeof record === 'object' && !Array.isArray(record) ? Object.keys(record).filter((k) => !known.includes(k)) : [];
  if (stray.length === 0) return null;
  return (
    <ul className="stray-keys" data-testid="stray-keys">
      {stray.map((key) => (
        <li key={key}>
          {what} “{key}”, which does not exist{' '}
          <ActionButton danger label={`Remove the entry for “${key}”`} onClick={() => edit((doc) => setAt(doc, [...path, key], undefined))}>
            Remove
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}
