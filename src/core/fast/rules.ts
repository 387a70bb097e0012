import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

export type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
export type InlineRule = (state: StateInline, silent: boolean) => boolean;

interface Rule {
  name: string;
  fn: unknown;
  alt: string[];
}

/**
 * Replaces a markdown-it rule by a wrapper around it, keeping the chains it belongs to (the rules
 * that may interrupt a paragraph, say): `Ruler.at` alone would drop them.
 */
export function wrapRule<T>(ruler: object, name: string, wrap: (rule: T) => T): void {
  const rules = (ruler as { __rules__: Rule[] }).__rules__;
  const found = rules.find((rule) => rule.name === name);
  if (!found) throw new Error(`markdown-it has no rule ${name}`);
  (ruler as { at(name: string, fn: T, options: { alt: string[] }): void }).at(name, wrap(found.fn as T), { alt: [...found.alt] });
}
