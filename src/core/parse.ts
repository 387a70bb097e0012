import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { Extension } from 'micromark-util-types';
import { markdownTree } from './tree.js';
import type { Block, Mask, SpecDocument, SpecSection } from './types.js';

const FRONT_MATTER = ['yaml', 'toml'] as const;

/**
 * The GFM constructs a spec can hold, each with a test for the characters it cannot start
 * without. A document without them parses exactly the same without the construct, and
 * micromark is much faster without it (the table construct is tried at every line).
 * GFM autolink literals are left out on purpose: they only wrap text that is already there
 * in a link (`www.x.org` reads the same either way), and they cost a third of the parse.
 */
const GFM_CONSTRUCTS: ReadonlyArray<{ present(markdown: string): boolean; extension: Extension }> = [
  // `- [ ] item`: the check reads the same as the template's `- [x] item`.
  { present: (markdown) => TASK_CHECK.test(markdown), extension: gfmTaskListItem() },
  // A table needs a delimiter row: only `-`, `:`, `|` and spaces, with a `|` or `:` (after any `>`).
  { present: hasTableDelimiterRow, extension: gfmTable() },
  { present: (markdown) => markdown.includes('[^'), extension: gfmFootnote() },
  { present: (markdown) => markdown.includes('~'), extension: gfmStrikethrough() },
];
const TASK_CHECK = /\[(?:\r\n|[\t\n\r xX])\]/;
const DELIMITER_ROW_LIKE = /^[ \t>|:-]+$/gm;

function hasTableDelimiterRow(markdown: string): boolean {
  for (const [line] of markdown.matchAll(DELIMITER_ROW_LIKE)) {
    if (line.includes('-') && (line.includes('|') || line.includes(':'))) return true;
  }
  return false;
}

const extensionSets = new Map<number, Extension[]>();

/** The micromark extensions for the constructs a document can hold: one set per combination, made once. */
function extensionsFor(markdown: string): Extension[] {
  let mask = 0;
  GFM_CONSTRUCTS.forEach((construct, bit) => {
    if (construct.present(markdown)) mask |= 1 << bit;
  });
  let extensions = extensionSets.get(mask);
  if (!extensions) {
    extensions = [frontmatter([...FRONT_MATTER]), ...GFM_CONSTRUCTS.filter((_, bit) => mask & (1 << bit)).map((construct) => construct.extension)];
    extensionSets.set(mask, extensions);
  }
  return extensions;
}

/**
 * Markdown text to a section tree. Only top-level headings open sections: a heading
 * inside a list or block quote belongs to that block, and fenced code, HTML blocks and
 * escaped `\#` lines are not headings at all (the real CommonMark parser decides).
 */
export function parseSpec(markdown: string): SpecDocument {
  return toSpecDocument(markdownTree(markdown, extensionsFor(markdown)), markdown);
}

/**
 * The section tree of a document already parsed to mdast (with the frontmatter extension): the
 * tree `markdownTree` builds, or mdast-util-from-markdown's, which the tests compare it with.
 */
export function toSpecDocument(tree: Root, markdown: string): SpecDocument {
  const lines = splitLines(markdown);
  const source = sourceOf(markdown, lines);
  const document: SpecDocument = { lineCount: lines.length, lines, preamble: [], sections: [], all: [] };

  const open: SpecSection[] = [];
  for (const node of tree.children) {
    // mdast types know `yaml` only; the frontmatter extension also emits `toml`.
    if (node.type === 'yaml' || (node.type as string) === 'toml') {
      document.frontMatter = { value: (node as { value: string }).value, endLine: endLineOf(node) };
      continue;
    }
    if (node.type === 'heading') {
      const section: SpecSection = {
        heading: { text: headingText(node), level: node.depth, line: headingLine(node), endLine: endLineOf(node) },
        endLine: document.lineCount,
        blocks: [],
        children: [],
        index: document.all.length,
      };
      while (open.length > 0 && open[open.length - 1]!.heading.level >= node.depth) {
        open.pop()!.endLine = section.heading.line - 1;
      }
      const parent = open[open.length - 1];
      (parent ? parent.children : document.sections).push(section);
      document.all.push(section);
      open.push(section);
      continue;
    }
    const block = toBlock(node, source);
    const current = open[open.length - 1];
    (current ? current.blocks : document.preamble).push(block);
  }
  return document;
}

/** Lines as a reader counts them: CRLF, CR and LF all end a line; a final newline opens no new one. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What `toString(node, { includeHtml: false })` gives, whitespace collapsed. */
function headingText(node: Nodes): string {
  return textOf(node, false).replace(/\s+/g, ' ').trim();
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/**
 * Where a reader sees the heading. A setext heading right after a link definition starts,
 * for micromark, on the definition's line; its text starts on its own.
 */
function headingLine(node: Heading): number {
  return node.children[0]?.position?.start.line ?? lineOf(node);
}

/**
 * A block left open at the end of the file (an unclosed fence or comment) ends at column 1
 * of the line after the last one; it holds nothing of that line, so it ends the line before.
 */
function endLineOf(node: Nodes): number {
  const end = node.position?.end;
  if (!end) return lineOf(node);
  return end.column === 1 && end.line > lineOf(node) ? end.line - 1 : end.line;
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function toBlock(node: RootContent, source: Source): Block {
  const units: string[] = [];
  collectUnits(node, units);
  const isContent = isVisible(node) && units.some((unit) => unit.trim() !== '');
  const masks: Mask[] = [];
  collectMasks(node, source, masks);
  return {
    type: node.type,
    line: lineOf(node),
    endLine: endLineOf(node),
    isContent,
    units,
    masks,
  };
}

/** The text mdast offsets count in (micromark drops a leading BOM), with where each line starts. */
interface Source {
  body: string;
  lines: readonly string[];
  lineStarts: number[];
}

function sourceOf(markdown: string, lines: readonly string[]): Source {
  const body = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const lineStarts = [0];
  for (const ending of body.matchAll(/\r\n|\r|\n/g)) lineStarts.push((ending.index ?? 0) + ending[0].length);
  return { body, lines, lineStarts };
}

/**
 * Code and comments found through the syntax tree, not by scanning lines: a fence inside a
 * list item, or a code span whose backticks sit on two lines, is still code.
 */
function collectMasks(root: Nodes, source: Source, out: Mask[]): void {
  // Depth first, in document order, with a stack of our own: 10,000 nested lists must not overflow the call stack.
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if ((node.type === 'code' || node.type === 'inlineCode') && position?.start.offset !== undefined && position.end.offset !== undefined) {
      addMask(position.start.offset, position.end.offset, node.type === 'code' ? 'code' : 'inline-code', source, out);
    } else if (node.type === 'html' && position?.start.offset !== undefined && position.end.offset !== undefined) {
      const start = position.start.offset;
      // The raw source, not the node's value: inside a block quote the value has lost its `>` prefixes.
      for (const comment of source.body.slice(start, position.end.offset).matchAll(COMMENT)) {
        const from = start + (comment.index ?? 0);
        addMask(from, from + comment[0].length, 'comment', source, out);
      }
    } else if ('children' in node) {
      pushChildren(node.children as Nodes[], stack);
    }
  }
}

/** Children onto a stack in reverse, so they come off it in document order. */
function pushChildren(children: readonly Nodes[], stack: Nodes[]): void {
  for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
}

function addMask(from: number, to: number, kind: Mask['kind'], source: Source, out: Mask[]): void {
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
function lineAt(offset: number, source: Source): number {
  let low = 0;
  let high = source.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (source.lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function isVisible(node: RootContent): boolean {
  return node.type !== 'definition' && node.type !== 'thematicBreak';
}

/** Plain text a reader would see, one piece per paragraph, list item, table row or code block. */
function collectUnits(root: Nodes, out: string[]): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'html': {
        const visible = node.value.replace(COMMENT, '').trim();
        if (visible !== '') out.push(visible);
        break;
      }
      case 'code':
        if (node.value.trim() !== '') out.push(node.value);
        break;
      case 'paragraph':
      case 'heading':
      case 'tableRow': {
        const text = node.type === 'tableRow' ? node.children.map((cell) => textOf(cell, true)).join(' ') : textOf(node, true);
        // A diagram with no alt text is still something the author put there.
        out.push(text.trim() === '' && hasImage(node) ? 'image' : text);
        break;
      }
      case 'definition':
      case 'thematicBreak':
        break;
      default:
        if ('children' in node) pushChildren(node.children as Nodes[], stack);
        else if ('value' in node && typeof node.value === 'string') out.push(node.value);
    }
  }
}

// `<owner>` parses as an inline HTML tag, but in a spec it is a blank left to fill.
const ANGLE_TAG = /^<\p{L}[\p{L}\p{N} _.-]*>$/u;

/**
 * What `toString` gives (text, code, image alt, never other HTML), without recursion. With
 * `angleTags`, inline `<role>`-style tags are kept as text: a paragraph of nothing but
 * `<owner> <team>` holds placeholders, it is not empty.
 */
function textOf(root: Nodes, angleTags: boolean): string {
  let text = '';
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') text += angleTags && ANGLE_TAG.test(node.value) ? node.value : '';
    else if ('value' in node) text += node.value;
    else if ('alt' in node && node.alt) text += node.alt;
    else if ('children' in node) pushChildren(node.children as Nodes[], stack);
  }
  return text;
}

function hasImage(root: Nodes): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'image' || node.type === 'imageReference') return true;
    if ('children' in node) pushChildren(node.children as Nodes[], stack);
  }
  return false;
}
