/**
 * Escaping for every export. User text (names, ids, descriptions, price sources,
 * and the evaluator's messages, which quote names) never reaches an export
 * unescaped: HTML goes through `escapeHtml` (via the `html` template, which
 * escapes every interpolation that is not already `SafeHtml`), Markdown through
 * `escapeMarkdown`, CSV through `csv.ts`'s cell quoting and formula guard.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one HTML escaper: safe in text and in double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** Markup that is already safe: produced by `html` or by code that escaped its parts. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | readonly HtmlPart[];

function renderPart(part: HtmlPart): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(renderPart).join('');
  return escapeHtml(String(part));
}

/**
 * Tagged template for markup: the literal parts are trusted, every interpolated
 * value is escaped unless it is `SafeHtml` (arrays are joined, null/undefined/
 * booleans render nothing). Attribute values must be written in double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += renderPart(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Joins parts (escaping plain strings) into one SafeHtml. */
export function joinHtml(parts: readonly HtmlPart[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(renderPart).join(separator));
}

/**
 * Markdown-safe text (CommonMark and GitHub tables): backslash-escapes the
 * characters that start emphasis, code, links, tables, strikethrough and
 * headings (and a leading list marker), writes `&`, `<` and `>` as entities
 * (so no raw HTML can form), and turns line breaks into spaces (so text cannot
 * start a new block or table row).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]{}|~#!]/g, (c) => `\\${c}`)
    // A list marker at the start would nest a list in a list item.
    .replace(/^\s*([-+=])/, '\\$1')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
