import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { setOrigin } from './positions.js';
import { wrapRule, type BlockRule } from './rules.js';

/**
 * GFM table rows as mdast has them: every cell the row writes (markdown-it pads a short row with
 * empty cells and drops the cells past the header's count), each with the source offset of every
 * character, and `\|` read as micromark reads it (`\\|` is an escaped backslash, then a pipe).
 */
interface Cell {
  content: string;
  offsets: number[];
}

export function tableCells(md: MarkdownIt): void {
  wrapRule<BlockRule>(md.block.ruler, 'table', (rule) => (state, startLine, endLine, silent) => {
    const count = state.tokens.length;
    if (!rule(state, startLine, endLine, silent)) return false;
    if (!silent) state.tokens.splice(count, state.tokens.length - count, ...rowsAsWritten(state, state.tokens.slice(count)));
    return true;
  });
}

function rowsAsWritten(state: StateBlock, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    out.push(token);
    if (token.type !== 'tr_open') continue;
    const cellType = tokens[index + 1]!.type === 'th_open' ? 'th' : 'td';
    while (tokens[index + 1]!.type !== 'tr_close') index++;
    const line = token.map![0];
    for (const cell of splitRow(state.src, state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!)) {
      out.push(new state.Token(`${cellType}_open`, cellType, 1));
      const inline = new state.Token('inline', '', 0);
      inline.content = cell.content;
      inline.map = [line, line + 1];
      inline.children = [];
      setOrigin(inline, { kind: 'offsets', offsets: cell.offsets });
      out.push(inline, new state.Token(`${cellType}_close`, cellType, -1));
    }
  }
  return out;
}

const PIPE = 0x7c;
const BACKSLASH = 0x5c;

export function splitRow(src: string, start: number, end: number): Cell[] {
  while (end > start && (src.charAt(end - 1) === ' ' || src.charAt(end - 1) === '\t')) end--;
  const cells: Cell[] = [];
  let cell: Cell = { content: '', offsets: [] };
  for (let pos = start; pos < end; pos++) {
    const code = src.charCodeAt(pos);
    if (code === PIPE) {
      cells.push(cell);
      cell = { content: '', offsets: [] };
      continue;
    }
    const next = src.charCodeAt(pos + 1);
    if (code === BACKSLASH && pos + 1 < end && (next === PIPE || next === BACKSLASH)) {
      // `\|` is a pipe in the cell (in code too, as mdast-util-gfm-table has it); `\\` stays an escape.
      if (next === BACKSLASH) append(cell, src, pos);
      append(cell, src, pos + 1);
      pos++;
      continue;
    }
    append(cell, src, pos);
  }
  cells.push(cell);
  if (cells.length > 1 && /^[ \t]*$/.test(cells[0]!.content) && src.charCodeAt(start) === PIPE) cells.shift();
  if (cells.length > 1 && /^[ \t]*$/.test(cells[cells.length - 1]!.content) && src.charCodeAt(end - 1) === PIPE) cells.pop();
  return cells.map(trimmed);
}

function append(cell: Cell, src: string, pos: number): void {
  cell.content += src.charAt(pos);
  cell.offsets.push(pos);
}

/** Spaces and tabs off both ends: micromark's whitespace (a no-break space is text). */
function trimmed(cell: Cell): Cell {
  const start = /^[ \t]*/.exec(cell.content)![0].length;
  const end = Math.max(start, cell.content.length - /[ \t]*$/.exec(cell.content)![0].length);
  return { content: cell.content.slice(start, end), offsets: cell.offsets.slice(start, end) };
}
