import type Token from 'markdown-it/lib/token.mjs';

/**
 * Where an inline token's content came from in the source, so a code span or comment found in
 * it can be masked on its own line and column. markdown-it keeps line numbers only: a paragraph's
 * content is its lines, each cut after its container prefix and joined with `\n`, then trimmed;
 * a line of it (the last one aside) is a suffix of its source line, so it lines up from the end.
 */
export type Origin =
  | { kind: 'lines'; firstLine: number; /** The content columns of the list items it is in, outermost first. */ indents?: number[] }
  | { kind: 'start'; start: number }
  | { kind: 'offsets'; offsets: number[] };

/** Where an inline token sits in its inline token's content: [start, end). */
export interface Span {
  start: number;
  end: number;
}

// Kept in the inline token's own `meta`, which markdown-it leaves unused on inline tokens: a
// side table of one entry per heading and paragraph would cost the garbage collector more.
export function setOrigin(inline: Token, origin: Origin): void {
  inline.meta = origin;
}

function originOf(inline: Token): Origin | undefined {
  return (inline.meta as Origin | null) ?? undefined;
}

/** The content columns of the list items (or footnotes) an inline token's lines are in, outermost first. */
export function indentsOf(inline: Token): readonly number[] {
  const origin = originOf(inline);
  return origin?.kind === 'lines' ? (origin.indents ?? []) : [];
}

/** Source offsets (in the parsed input) of content offsets of one inline token. */
export class OffsetMap {
  private contentLineStarts: number[] | undefined;

  constructor(
    private readonly inline: Token,
    private readonly input: string,
    private readonly inputLineStarts: readonly number[],
  ) {}

  at(offset: number): number {
    const origin = originOf(this.inline) ?? { kind: 'lines', firstLine: this.inline.map?.[0] ?? 0 };
    if (origin.kind === 'start') return origin.start + offset;
    if (origin.kind === 'offsets') {
      const { offsets } = origin;
      if (offset < offsets.length) return offsets[offset]!;
      return (offsets[offsets.length - 1] ?? 0) + 1 + (offset - offsets.length);
    }
    const content = this.inline.content;
    const starts = (this.contentLineStarts ??= lineStartsOf(content));
    const line = lastAtOrBefore(starts, offset);
    const contentLineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : content.length;
    const sourceLine = origin.firstLine + line;
    const sourceStart = this.inputLineStarts[sourceLine] ?? this.input.length;
    let sourceEnd = (this.inputLineStarts[sourceLine + 1] ?? this.input.length + 1) - 1;
    // The last line lost its trailing whitespace to trim().
    if (line === starts.length - 1) while (sourceEnd > sourceStart && ' \t\r\n'.includes(this.input.charAt(sourceEnd - 1))) sourceEnd--;
    return sourceEnd - (contentLineEnd - offset);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The index of the last value at or before `value` in an ascending list that starts with 0. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
