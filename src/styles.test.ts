/**
 * The stylesheet is plain CSS without nesting. A rule left unclosed by a merge is not an
 * error in a browser with CSS nesting: everything after it silently nests inside it and
 * stops applying (it happened once: the editor's graph lost its size). postcss refuses it.
 */
import { readFileSync } from 'node:fs';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

describe('the stylesheet', () => {
  const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

  it('parses, with every block closed', () => {
    expect(() => postcss.parse(css)).not.toThrow();
  });

  it('has no rule inside another rule (only at-rules such as @media hold rules)', () => {
    const nested: string[] = [];
    postcss.parse(css).walkRules((rule) => {
      if (rule.parent?.type === 'rule') nested.push(`${(rule.parent as postcss.Rule).selector} { ${rule.selector} }`);
    });
    expect(nested).toEqual([]);
    // The check bites: the rule that was once left open.
    const broken = css.replace(/(\.burst-form \{[^}]*)\}/, '$1');
    expect(() => {
      const found: string[] = [];
      postcss.parse(broken).walkRules((rule) => {
        if (rule.parent?.type === 'rule') found.push(rule.selector);
      });
      if (found.length > 0) throw new Error(found[0]);
    }).toThrow();
  });
});
