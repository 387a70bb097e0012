import type Token from 'markdown-it/lib/token.mjs';
import { addCommentMasks, addMask, ANGLE_TAG, lineAt, type Source } from '../source.js';
import type { Mask } from '../types.js';
import { indentsOf, OffsetMap, type Span } from './positions.js';

/**
 * One inline token (a paragraph's, a heading's or a table cell's content) read as mdast reads
 * it: its text as `toString` gives it, and its code spans and comments as masks on the source.
 * markdown-it parses a copy of the source whose line endings are all `\n`; mdast keeps the
 * file's own (`\r\n`, `\r`) in text, so where the file has others they are put back.
 */
export class InlineReader {
  private offsets: OffsetMap | undefined;

  constructor(
    private readonly inline: Token,
    private readonly source: Source,
  ) {}

  /** Text, code, image alts (with their HTML), no other HTML; with `angleTags`, `<role>`-style tags are kept as text. */
  text(angleTags: boolean): string {
    let text = '';
    for (const token of this.inline.children ?? []) {
      switch (token.type) {
        case 'text':
        case 'text_special':
          text += token.content;
          break;
        case 'code_inline':
          text += this.withEols(token);
          break;
        case 'softbreak':
          text += this.source.eols ? this.eolAt((token.meta as Span).start) : '\n';
          break;
        case 'html_inline':
          if (angleTags && ANGLE_TAG.test(token.content)) text += this.withEols(token);
          break;
        case 'image':
          text += this.altOf(token);
          break;
      }
    }
    return text;
  }

  hasImage(): boolean {
    return (this.inline.children ?? []).some((token) => token.type === 'image');
  }

  /** Code spans and comments, at their place in the source. */
  addMasks(masks: Mask[]): void {
    for (const child of this.inline.children ?? []) {
      const span = child.meta as Span | null;
      if (!span || (child.type !== 'code_inline' && child.type !== 'html_inline')) continue;
      const from = this.at(span.start);
      const to = this.at(span.end - 1) + 1;
      if (child.type === 'code_inline') addMask(from, to, 'inline-code', this.source, masks);
      else addCommentMasks(from, to, this.source, masks);
    }
  }

  /** An image's alt as mdast has it: the text of its label, HTML included. */
  private altOf(image: Token): string {
    let alt = '';
    for (const token of image.children ?? []) {
      if (token.type === 'image') alt += this.altOf(token);
      else if (token.type === 'softbreak') alt += this.source.eols ? this.eolAt((token.meta as Span).start) : '\n';
      else if (token.type === 'code_inline' || token.type === 'html_inline') alt += this.withEols(token);
      else if (token.type === 'text' || token.type === 'text_special') alt += token.content;
    }
    return alt;
  }

  /**
   * The whitespace markdown-it took off a lazy line (indented less than its list item's content),
   * less what the outer items it does continue take: micromark keeps that much.
   */
  private lazyIndent(offset: number, indents: readonly number[]): string {
    const start = this.at(offset);
    const lineStart = this.source.lineStarts[lineAt(start, this.source) - 1]!;
    const taken = this.source.body.slice(lineStart, start);
    if (!/^[ \t]*$/.test(taken)) return '';
    let width = 0;
    for (const char of taken) width += char === '\t' ? 4 - (width % 4) : 1;
    if (width >= indents[indents.length - 1]!) return '';
    const continued = indents.filter((indent) => indent <= width).pop() ?? 0;
    let skip = 0;
    for (let columns = 0; skip < taken.length && columns < continued; skip++) columns += taken[skip] === '\t' ? 4 - (columns % 4) : 1;
    return taken.slice(skip);
  }

  private at(offset: number): number {
    this.offsets ??= new OffsetMap(this.inline, this.source.body, this.source.lineStarts);
    return this.offsets.at(offset);
  }

  /** The line ending of the source line where a `\n` of the content sits. */
  private eolAt(offset: number): string {
    return this.source.eols?.[lineAt(this.at(offset), this.source) - 1] ?? '\n';
  }

  /**
   * A code span's or tag's value as the source has it: the file's line endings, and the indent of a
   * lazy line in a list item (markdown-it takes it off as if it were the item's; micromark keeps it).
   */
  private withEols(token: Token): string {
    const span = token.meta as Span | null;
    const indents = indentsOf(this.inline);
    if ((!this.source.eols && indents.length === 0) || !span || !token.content.includes('\n')) return token.content;
    const raw = this.inline.content.slice(span.start, span.end);
    let restored = '';
    for (let index = 0; index < raw.length; index++) {
      if (raw[index] !== '\n') {
        restored += raw[index];
        continue;
      }
      restored += this.source.eols ? this.eolAt(span.start + index) : '\n';
      if (indents.length > 0) restored += this.lazyIndent(span.start + index + 1, indents);
    }
    if (token.type !== 'code_inline') return restored;
    return codeValue(restored.slice(token.markup.length, restored.length - token.markup.length));
  }
}

/**
 * A code span's value as mdast has it: line endings and indents kept (markdown-it makes line
 * endings spaces), and one space or line ending trimmed from each side when both sides have one
 * and there is more than spaces.
 */
export function codeValue(raw: string): string {
  const value = raw;
  if (!/^(\r\n|[ \r\n])/.test(value) || !/[ \r\n]$/.test(value) || !/[^ \r\n]/.test(value)) return value;
  const head = value.startsWith('\r\n') ? 2 : 1;
  const tail = value.length > head && value.endsWith('\r\n') ? 2 : 1;
  return value.slice(head, value.length - tail);
}
