/**
 * Paths into the raw scenario document, written exactly as the validator writes
 * them (`formatPath`), so a field and the message about it meet on one string:
 * the field at ['sites', 0, 'capacity', 'servers'] shows every issue whose path is
 * `sites[0].capacity.servers`.
 */
import { formatPath, type ValidationIssue } from '../../planner';

export type DocPath = readonly (string | number)[];

export function pathKey(path: DocPath): string {
  return formatPath(path);
}

/** The value at a path, or undefined where the document has nothing (or the wrong shape). */
export function getAt(doc: unknown, path: DocPath): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Issues grouped by their path, for fields to look up their own. */
export function issuesByPath(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const map = new Map<string, ValidationIssue[]>();
  for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue]);
  return map;
}

/**
 * The paths from the issue's own up to the whole document: `a[0].b.c`, `a[0].b`,
 * `a[0]`, `a`, ``. An issue is shown at the first of these that has a field on the page.
 */
export function pathAncestors(path: string): string[] {
  const out = [path];
  let rest = path;
  while (rest !== '') {
    // A quoted key (`["dc.east"]`) may itself hold dots and brackets: cut at its opening `["`.
    const cut = rest.endsWith('"]') ? rest.lastIndexOf('["') : Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    rest = cut <= 0 ? '' : rest.slice(0, cut);
    out.push(rest);
  }
  return out;
}

/** The DOM id of the input that edits a path (stable, valid in a selector without escaping). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** The closest field that exists for an issue, by the ids the editor gave its inputs and sections. */
export function fieldForIssue(issue: ValidationIssue, hasField: (id: string) => boolean): string | null {
  for (const candidate of pathAncestors(issue.path)) {
    const id = fieldId(candidate);
    if (hasField(id)) return id;
  }
  return null;
}
