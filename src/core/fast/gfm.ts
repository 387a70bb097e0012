import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { setOrigin } from './positions.js';
import { wrapRule, type BlockRule } from './rules.js';

/**
 * Task list checks and ATX heading positions, the two places where markdown-it's block tokens
 * need a word more to read as mdast's tree.
 */

// `[ ]`, `[x]` or `[X]` opening a list item, then whitespace (micromark-extension-gfm-task-list-item).
const TASK_CHECK = /^\[[\t\n xX]\](?=[\t\n ])/;
/** Stands in for a check in the inline content: plain text to markdown-it, the same length, taken out again. */
export const CHECK_STAND_IN = '\u2060\u2060\u2060';

/**
 * Marks a check that opens the first paragraph of a list item: it is no text. micromark also
 * takes one on the line right after an empty last list item, where the paragraph is outside the
 * list; mdast then drops the check but keeps the whitespace after it.
 */
export function taskChecks(md: MarkdownIt): void {
  md.core.ruler.after('block', 'gfm_task_list', (state: StateCore) => {
    const tokens = state.tokens;
    for (let index = 2; index < tokens.length; index++) {
      const inline = tokens[index]!;
      if (inline.type !== 'inline' || tokens[index - 1]!.type !== 'paragraph_open' || !TASK_CHECK.test(inline.content)) continue;
      if (tokens[index - 2]!.type === 'list_item_open' || afterEmptyItem(tokens, index - 1, state.src)) inline.content = CHECK_STAND_IN + inline.content.slice(CHECK_STAND_IN.length);
    }
  });
}

/** Right after an item that is a bare marker (`-`, `1.`: nothing after it, not even a space). */
function afterEmptyItem(tokens: readonly Token[], paragraph: number, src: string): boolean {
  const item = tokens[paragraph - 3];
  if (!/_list_close$/.test(tokens[paragraph - 1]!.type) || tokens[paragraph - 2]?.type !== 'list_item_close' || item?.type !== 'list_item_open') return false;
  const line = item.map![0];
  if (tokens[paragraph]!.map![0] !== line + 1) return false;
  let start = 0;
  for (let at = 0; at < line; at++) start = src.indexOf('\n', start) + 1;
  const end = src.indexOf('\n', start);
  return /(?:^|[ \t>])(?:[-*+]|\d{1,9}[.)])$/.test(src.slice(start, end < 0 ? src.length : end));
}

/** A paragraph's text without a check, and in a list item's first paragraph without the whitespace after it, as mdast has it. */
export function withoutCheck(text: string, firstInItem: boolean): string {
  if (!text.startsWith(CHECK_STAND_IN)) return text;
  const rest = text.slice(CHECK_STAND_IN.length);
  return firstInItem && /^[\t\n\r ]/.test(rest) ? rest.slice(1) : rest;
}

/** An ATX heading's content is one trimmed stretch of its line: where it starts is all a code span in it needs. */
export function headingOrigins(md: MarkdownIt): void {
  wrapRule<BlockRule>(md.block.ruler, 'heading', (rule) => (state, startLine, endLine, silent) => {
    const count = state.tokens.length;
    if (!rule(state, startLine, endLine, silent)) return false;
    const inline: Token | undefined = state.tokens[count + 1];
    if (!silent && inline?.type === 'inline' && inline.content !== '') {
      const afterMarker = state.bMarks[startLine]! + state.tShift[startLine]! + state.tokens[count]!.markup.length;
      setOrigin(inline, { kind: 'start', start: state.src.indexOf(inline.content, afterMarker) });
    }
    return true;
  });
}
