import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * GFM footnotes as micromark-extension-gfm-footnote reads them: a definition `[^label]: text` is a
 * container whose lines after the first are indented by four, left in place (markdown-it-footnote
 * would move it to the end of the document); a call `[^label]` is one only when its label is
 * defined somewhere in the document (case and inner whitespace aside), and has no text.
 */
interface FootnoteEnv {
  footnotes?: Set<string>;
}

const OPEN_BRACKET = 0x5b;
const CARET = 0x5e;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const BACKSLASH = 0x5c;

export function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const labelEnd = scanLabel(state.src, start, max);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== COLON) return false;
  if (silent) return true;
  const env = state.env as FootnoteEnv;
  (env.footnotes ??= new Set()).add(normalizeLabel(state.src.slice(start + 2, labelEnd)));

  const open = state.push('footnote_definition_open', '', 1);
  const oldBMark = state.bMarks[startLine]!;
  const oldTShift = state.tShift[startLine]!;
  const oldSCount = state.sCount[startLine]!;
  const oldParentType = state.parentType;
  const afterColon = labelEnd + 2;
  const initial = state.sCount[startLine]! + afterColon - start;
  let offset = initial;
  let pos = afterColon;
  for (; pos < max; pos++) {
    const code = state.src.charCodeAt(pos);
    if (code === 0x09) offset += 4 - (offset % 4);
    else if (code === 0x20) offset += 1;
    else break;
  }
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = offset - initial;
  state.bMarks[startLine] = afterColon;
  state.blkIndent += 4;
  (state as { parentType: string }).parentType = 'footnote';
  if (state.sCount[startLine]! < state.blkIndent) state.sCount[startLine]! += state.blkIndent;
  state.md.block.tokenize(state, startLine, endLine);
  state.parentType = oldParentType;
  state.blkIndent -= 4;
  state.tShift[startLine] = oldTShift;
  state.sCount[startLine] = oldSCount;
  state.bMarks[startLine] = oldBMark;
  open.map = [startLine, state.line];
  state.push('footnote_definition_close', '', -1);
  return true;
}

export function footnoteCall(state: StateInline, silent: boolean): boolean {
  const footnotes = (state.env as FootnoteEnv).footnotes;
  if (!footnotes) return false;
  const labelEnd = scanLabel(state.src, state.pos, state.posMax);
  if (labelEnd < 0 || !footnotes.has(normalizeLabel(state.src.slice(state.pos + 2, labelEnd)))) return false;
  if (!silent) state.push('footnote_call', '', 0);
  state.pos = labelEnd + 1;
  return true;
}

/** The index of the `]` closing a `[^label`, or -1: a label is not empty and holds no whitespace or unescaped bracket. */
function scanLabel(src: string, start: number, max: number): number {
  if (src.charCodeAt(start) !== OPEN_BRACKET || src.charCodeAt(start + 1) !== CARET) return -1;
  for (let pos = start + 2; pos < max && pos < start + 1002; pos++) {
    const code = src.charCodeAt(pos);
    if (code === CLOSE_BRACKET) return pos === start + 2 ? -1 : pos;
    if (code === OPEN_BRACKET || code === 0x20 || code === 0x09 || code === 0x0a) return -1;
    if (code === BACKSLASH) pos += 1;
  }
  return -1;
}

function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}
