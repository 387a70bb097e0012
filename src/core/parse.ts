import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { ChunkedEnv } from './fast/chunks.js';
import { addTokens } from './fast/document.js';
import { createParser, MAX_NESTING } from './fast/parser.js';
import { OutlineBuilder } from './outline.js';
import { splitLines, type Source } from './source.js';
import type { SpecDocument } from './types.js';

export { splitLines } from './source.js';

/** A document nested deeper than the parser can follow: reported as a `too-complex` finding, never read as empty. */
export class TooComplexError extends Error {
  constructor(
    readonly depth: number,
    readonly line = 1,
  ) {
    super(`The document nests lists and quotes deeper than specgate reads (${depth} levels, a list counting two).`);
  }
}

const parser = createParser();

// A line that may open a link reference or footnote definition (after any container marks): those hold for the whole document.
const MAY_DEFINE = /^[ \t>*+\-0-9.)]*\[/m;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Markdown text to a section tree. Only top-level headings open sections: a heading inside a
 * list or block quote belongs to that block, and fenced code, HTML blocks and escaped `\#` lines
 * are not headings at all. markdown-it reads the markdown (linear in its size); mdast's reading
 * is the reference (src/core/reference.ts), which the differential tests hold this to.
 */
export function parseSpec(markdown: string): SpecDocument {
  return parseWith(parser, markdown);
}

/** parseSpec with a parser of one's own (a test's, reading in smaller chunks). */
export function parseWith(md: MarkdownIt, markdown: string): SpecDocument {
  const lines = splitLines(markdown);
  const frontMatter = frontMatterOf(markdown, lines);
  const newOutline = (): OutlineBuilder => {
    const outline = new OutlineBuilder(lines);
    if (frontMatter) outline.frontMatter(frontMatter.value, frontMatter.endLine);
    return outline;
  };
  // Front matter lines read as blank lines: the rest keeps its line numbers.
  const bodyLines = frontMatter ? lines.map((line, index) => (index < frontMatter.endLine ? '' : line)) : lines;
  // The final line break keeps a last blank line a line: an unclosed fence runs over it.
  const hasCarriageReturns = markdown.includes('\r');
  // Text with only `\n` line endings, no BOM and no front matter is already that body, or one line break short of it.
  const plain = !frontMatter && !hasCarriageReturns && markdown.charCodeAt(0) !== 0xfeff;
  const body = plain ? (markdown.endsWith('\n') ? markdown : `${markdown}\n`) : `${bodyLines.join('\n')}\n`;
  const deepLine = nestsTooDeep(bodyLines);
  if (deepLine > 0) throw new TooComplexError(MAX_NESTING, deepLine);
  const lineStarts = [0];
  for (const line of bodyLines) lineStarts.push(lineStarts[lineStarts.length - 1]! + line.length + 1);
  const source: Source = { body, lines, lineStarts };
  if (hasCarriageReturns) source.eols = lineEndings(markdown, lines.length);
  if (!MAY_DEFINE.test(body)) {
    // Read a chunk at a time (see fast/chunks.ts), each chunk's tokens into the outline as they come.
    const chunked = newOutline();
    const env: ChunkedEnv & { references?: object; footnotes?: Set<string> } = {
      boundaries: headingLines(bodyLines),
      consume: (tokens) => addTokens(chunked, withinNesting(tokens), source),
    };
    md.parse(body, env);
    // A definition after all (the test above missed it): it may change how earlier chunks read.
    if (Object.keys(env.references ?? {}).length === 0 && (env.footnotes?.size ?? 0) === 0) return chunked.document;
  }
  return addTokens(newOutline(), withinNesting(md.parse(body, {})), source);
}

/** Top-level ATX headings' lines (0-based): where a chunk may end. */
function headingLines(lines: readonly string[]): number[] {
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (line.charCodeAt(0) === 0x23 && ATX_HEADING.test(line)) found.push(index);
  });
  return found;
}

function withinNesting(tokens: Token[]): Token[] {
  const deepest = tokens.find((token) => token.level >= MAX_NESTING - 1);
  if (deepest) throw new TooComplexError(MAX_NESTING, (deepest.map?.[0] ?? 0) + 1);
  return tokens;
}

const FENCES = ['---', '+++'];

/** YAML (`---`) or TOML (`+++`) front matter as micromark-extension-frontmatter reads it: fences alone on their lines, spaces after allowed. */
function frontMatterOf(markdown: string, lines: readonly string[]): { value: string; endLine: number } | undefined {
  const fence = FENCES.find((candidate) => isFence(lines[0], candidate));
  if (!fence || lines.length < 2) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && isFence(line, fence));
  if (close < 0) return undefined;
  // The value keeps the file's own line endings.
  const body = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const ends = [...body.matchAll(/\r\n|\r|\n/g)].slice(0, close);
  const start = ends[0] ? ends[0].index + ends[0][0].length : body.length;
  const last = ends[close - 1];
  const end = close === 1 || !last ? start : last.index;
  return { value: body.slice(start, end), endLine: close + 1 };
}

function isFence(line: string | undefined, fence: string): boolean {
  return line !== undefined && line.startsWith(fence) && /^[ \t]*$/.test(line.slice(fence.length));
}

/** Each line's line ending as the file writes it. */
function lineEndings(markdown: string, count: number): string[] {
  const eols = [...markdown.matchAll(/\r\n|\r|\n/g)].map((match) => match[0]);
  while (eols.length < count) eols.push('\n');
  return eols;
}

/**
 * A line that opens more containers than the parser follows, found before parsing: on `- - - … item`
 * each level would scan the rest of the line again (is it a thematic break?), so the parse itself
 * would cost the nesting depth times the line.
 */
function nestsTooDeep(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let levels = 0;
    let pos = 0;
    while (pos < line.length) {
      while (line[pos] === ' ' || line[pos] === '\t') pos++;
      const char = line[pos];
      if (char === '>') {
        levels += 1;
        pos += 1;
      } else if ((char === '-' || char === '*' || char === '+') && (line[pos + 1] === ' ' || line[pos + 1] === '\t')) {
        levels += 2;
        pos += 2;
      } else {
        // Only an ordered list marker is left to look for: it starts with a digit.
        if (!(char !== undefined && char >= '0' && char <= '9')) break;
        const ordered = /^\d{1,9}[.)][ \t]/.exec(line.slice(pos, pos + 11));
        if (!ordered) break;
        levels += 2;
        pos += ordered[0].length;
      }
      if (levels >= MAX_NESTING - 1) return index + 1;
    }
  }
  return 0;
}
