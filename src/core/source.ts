import type { Mask } from './types.js';

/** Lines as a reader counts them: CRLF, CR and LF all end a line; a final newline opens no new one. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  // Most files end their lines with `\n` alone: a plain split then, far cheaper than the pattern.
  const lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text positions count in (a leading BOM dropped, as micromark drops it), with where each line starts. */
export interface Source {
  body: string;
  lines: readonly string[];
  lineStarts: number[];
  /** Each line's own line ending, when the file has any but `\n` (text values keep them). */
  eols?: string[];
}

export function sourceOf(markdown: string, lines: readonly string[]): Source {
  const body = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const lineStarts = [0];
  for (const ending of body.matchAll(/\r\n|\r|\n/g)) lineStarts.push((ending.index ?? 0) + ending[0].length);
  return { body, lines, lineStarts };
}

export const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** A mask per comment in the raw source between two offsets (the raw text: inside a quote it keeps its `>`s). */
export function addCommentMasks(from: number, to: number, source: Source, out: Mask[]): void {
  for (const comment of source.body.slice(from, to).matchAll(COMMENT)) {
    const start = from + (comment.index ?? 0);
    addMask(start, start + comment[0].length, 'comment', source, out);
  }
}

/** One mask per line of the source between two offsets. */
export function addMask(from: number, to: number, kind: Mask['kind'], source: Source, out: Mask[]): void {
  const first = lineAt(from, source);
  const last = lineAt(to, source);
  for (let line = first; line <= last && line <= source.lines.length; line++) {
    const length = source.lines[line - 1]!.length;
    const start = line === first ? from - source.lineStarts[first - 1]! : 0;
    const end = line === last ? Math.min(length, to - source.lineStarts[last - 1]!) : length;
    if (end > start) out.push({ line, start, end, kind });
  }
}

/** The 1-based line holding an offset. */
export function lineAt(offset: number, source: Source): number {
  let low = 0;
  let high = source.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (source.lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

// `<owner>` parses as an inline HTML tag, but in a spec it is a blank left to fill.
export const ANGLE_TAG = /^<\p{L}[\p{L}\p{N} _.-]*>$/u;
