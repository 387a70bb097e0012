import type Token from 'markdown-it/lib/token.mjs';
import { OutlineBuilder } from '../outline.js';
import { addCommentMasks, addMask, COMMENT, type Source } from '../source.js';
import type { Block, Mask, SpecDocument } from '../types.js';
import { withoutCheck } from './gfm.js';
import { InlineReader } from './inline.js';

/**
 * markdown-it's token stream to the section tree, giving what `toSpecDocument` reads off mdast:
 * the same block types, lines, text units and masks (src/core/reference.ts is the reference).
 * Tokens are flat, so every walk here is a loop: nesting depth costs no stack.
 */

const BLOCK_TYPES: Record<string, string> = {
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  blockquote_open: 'blockquote',
  fence: 'code',
  code_block: 'code',
  html_block: 'html',
  hr: 'thematicBreak',
  table_open: 'table',
  definition: 'definition',
  footnote_definition_open: 'footnoteDefinition',
};

export function addTokens(outline: OutlineBuilder, tokens: readonly Token[], source: Source): SpecDocument {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const end = closingIndex(tokens, index);
    if (token.type === 'heading_open') {
      const inline = tokens[index + 1]!;
      const first = token.map![0] + 1;
      outline.heading({
        text: new InlineReader(inline, source).text(false).replace(/\s+/g, ' ').trim(),
        level: Number(token.tag.slice(1)),
        line: first,
        endLine: token.map![1],
      });
    } else {
      outline.block(toBlock(tokens, index, end, source));
    }
    index = end;
  }
  return outline.document;
}

/** The index of the token that closes the one at `index` (itself when it opens nothing). */
function closingIndex(tokens: readonly Token[], index: number): number {
  if (tokens[index]!.nesting !== 1) return index;
  let depth = 0;
  for (let at = index; at < tokens.length; at++) {
    depth += tokens[at]!.nesting;
    if (depth === 0) return at;
  }
  return tokens.length - 1;
}

function toBlock(tokens: readonly Token[], from: number, to: number, source: Source): Block {
  const first = tokens[from]!;
  const type = BLOCK_TYPES[first.type] ?? first.type;
  const units: string[] = [];
  const masks: Mask[] = [];
  let endLine = first.map![0] + 1;
  let row: { cells: string[]; image: boolean } | undefined;
  for (let index = from; index <= to; index++) {
    const token = tokens[index]!;
    endLine = Math.max(endLine, lastLineOf(token, source));
    switch (token.type) {
      case 'inline': {
        const reader = new InlineReader(token, source);
        reader.addMasks(masks);
        if (row) {
          row.cells.push(reader.text(true));
          row.image ||= reader.hasImage();
          break;
        }
        let text = reader.text(true);
        if (tokens[index - 1]!.type === 'paragraph_open') text = withoutCheck(text, tokens[index - 2]?.type === 'list_item_open');
        // A diagram with no alt text is still something the author put there.
        units.push(text.trim() === '' && reader.hasImage() ? 'image' : text);
        break;
      }
      case 'tr_open':
        row = { cells: [], image: false };
        break;
      case 'tr_close': {
        const text = row!.cells.join(' ');
        units.push(text.trim() === '' && row!.image ? 'image' : text);
        row = undefined;
        break;
      }
      case 'fence':
      case 'code_block': {
        const value = token.type === 'fence' ? withEols(token.content, token.map![0] + 1, source).replace(/(\r\n|\r|\n)$/, '') : indentedCode(token, source);
        if (value.trim() !== '') units.push(value);
        addCodeMask(token, source, masks);
        break;
      }
      case 'html_block': {
        const visible = withEols(token.content, token.map![0], source).replace(COMMENT, '').trim();
        if (visible !== '') units.push(visible);
        const [start, end] = token.map!;
        addCommentMasks(source.lineStarts[start]!, lineEndOffset(end - 1, source), source, masks);
        break;
      }
    }
  }
  const isContent = type !== 'definition' && type !== 'thematicBreak' && units.some((unit) => unit.trim() !== '');
  return { type, line: first.map![0] + 1, endLine, isContent, units, masks };
}

const CONTAINERS = new Set(['list_item_open', 'bullet_list_open', 'ordered_list_open', 'footnote_definition_open']);

/** The last source line (1-based) a token's own content reaches. */
function lastLineOf(token: Token, source: Source): number {
  if (!token.map || token.nesting === -1) return 0;
  // A container ends where its content does: markdown-it's ranges take in the blank lines after it.
  if (CONTAINERS.has(token.type)) return token.map[0] + 1;
  // A quote ends on its last `>` or lazy line, never on a blank one.
  if (token.type === 'blockquote_open') return lastFilledLine(token.map[0], token.map[1], source);
  if (token.type === 'code_block') return indentedCodeEnd(token, source);
  if (token.type === 'fence' && token.level > 0 && !isClosed(token, source)) return lastFilledLine(token.map[0], token.map[1], source);
  return token.map[1];
}

/** Indented code's text, with the whitespace-only lines micromark counts in (past the indent, their spaces are code). */
function indentedCode(token: Token, source: Source): string {
  let value = withEols(token.content, token.map![0], source).replace(/(\r\n|\r|\n)$/, '');
  const indent = ((token.meta as { column?: number } | null)?.column ?? 0) + 4;
  for (let line = token.map![1]; line < indentedCodeEnd(token, source); line++) {
    const text = source.lines[line]!;
    let skip = 0;
    for (let width = 0; skip < text.length && width < indent; skip++) width += text[skip] === '\t' ? 4 - (width % 4) : 1;
    value += (source.eols?.[line - 1] ?? '\n') + text.slice(skip);
  }
  // As mdast does: one final line ending is not part of the value.
  return value.replace(/(\r\n|\r|\n)$/, '');
}

/** Indented code goes on over the whitespace-only lines indented as far as its own first line (micromark counts them in). */
function indentedCodeEnd(token: Token, source: Source): number {
  const [start, end] = token.map!;
  const indent = columns(source.lines[start] ?? '');
  let last = end;
  for (let line = end; line < source.lines.length && source.lines[line]!.trim() === ''; line++) {
    if (columns(source.lines[line]!) >= indent) last = line + 1;
  }
  return last;
}

function columns(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** An unclosed fence in a list item or quote ends on its last line that holds anything: the blank lines after belong to the container. */
function isClosed(fence: Token, source: Source): boolean {
  const last = source.lines[fence.map![1] - 1]?.trim() ?? '';
  return fence.map![1] - 1 > fence.map![0] && last.startsWith(fence.markup);
}

function lastFilledLine(start: number, end: number, source: Source): number {
  let line = end;
  while (line > start + 1 && source.lines[line - 1]!.trim() === '') line--;
  return line;
}

function lineEndOffset(line: number, source: Source): number {
  return source.lineStarts[line]! + (source.lines[line]?.length ?? 0);
}

/** A code block is code from its fence (or indent) to its last line. */
function addCodeMask(token: Token, source: Source, masks: Mask[]): void {
  const start = token.map![0];
  const firstLine = source.lines[start] ?? '';
  // A fence starts at its marker; indented code where its container's content starts (parser.ts records it).
  const column = token.type === 'fence' ? Math.max(0, firstLine.indexOf(token.markup)) : ((token.meta as { column?: number } | null)?.column ?? 0);
  addMask(source.lineStarts[start]! + column, lineEndOffset(lastLineOf(token, source) - 1, source), 'code', source, masks);
}

/** Block content whose k-th line is source line `firstLine + k` (0-based), with the file's line endings. */
function withEols(content: string, firstLine: number, source: Source): string {
  const eols = source.eols;
  if (!eols) return content;
  let line = firstLine;
  return content.replace(/\n/g, () => eols[line++] ?? '\n');
}
