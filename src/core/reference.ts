import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { OutlineBuilder } from './outline.js';
import { addCommentMasks, addMask, ANGLE_TAG, COMMENT, sourceOf, splitLines, type Source } from './source.js';
import type { Block, Mask, SpecDocument } from './types.js';

/**
 * The reference semantics: the section tree read off mdast-util-from-markdown's tree, with
 * front matter and every GFM construct that changes structure (task lists, tables, footnotes,
 * strikethrough; autolink literals only wrap text that is already there, so they are left out).
 * The project was specified on this parse. It is not on the hot path (micromark is slow, and
 * quadratic on some inputs): the differential tests and `npm run differential` hold `parseSpec`
 * to it, field for field.
 */
/**
 * The part of a syntax tree the section tree is read from: mdast's nodes have this shape, and so
 * do those of the bench's event tree (src/core/event-tree.ts), which is built without mdast.
 */
export interface SyntaxNode {
  type: string;
  children?: readonly SyntaxNode[];
  value?: string;
  alt?: string | null;
  depth?: number;
  position?: { start: SyntaxPoint; end?: SyntaxPoint };
}
interface SyntaxPoint {
  line: number;
  column: number;
  offset?: number;
}

const FRONT_MATTER: Array<'yaml' | 'toml'> = ['yaml', 'toml'];
const EVERY_CONSTRUCT = {
  extensions: [frontmatter(FRONT_MATTER), gfmTaskListItem(), gfmTable(), gfmFootnote(), gfmStrikethrough()],
  mdastExtensions: [frontmatterFromMarkdown(FRONT_MATTER), gfmTaskListItemFromMarkdown(), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()],
};

export function referenceSpec(markdown: string): SpecDocument {
  return toSpecDocument(fromMarkdown(markdown, EVERY_CONSTRUCT), markdown);
}

/** The section tree of a document already parsed to mdast (with the frontmatter extension). */
export function toSpecDocument(tree: SyntaxNode, markdown: string): SpecDocument {
  const lines = splitLines(markdown);
  const source = sourceOf(markdown, lines);
  const outline = new OutlineBuilder(lines);
  for (const node of tree.children ?? []) {
    if (node.type === 'yaml' || node.type === 'toml') outline.frontMatter(node.value ?? '', endLineOf(node));
    else if (node.type === 'heading') outline.heading({ text: headingText(node), level: node.depth ?? 1, line: headingLine(node), endLine: endLineOf(node) });
    else outline.block(toBlock(node, source));
  }
  return outline.document;
}

/** What `toString(node, { includeHtml: false })` gives, whitespace collapsed. */
function headingText(node: SyntaxNode): string {
  return textOf(node, false).replace(/\s+/g, ' ').trim();
}

function lineOf(node: SyntaxNode): number {
  return node.position?.start.line ?? 1;
}

/**
 * Where a reader sees the heading. A setext heading right after a link definition starts,
 * for micromark, on the definition's line; its text starts on its own.
 */
function headingLine(node: SyntaxNode): number {
  return node.children?.[0]?.position?.start.line ?? lineOf(node);
}

/**
 * A block left open at the end of the file (an unclosed fence or comment) ends at column 1
 * of the line after the last one; it holds nothing of that line, so it ends the line before.
 */
function endLineOf(node: SyntaxNode): number {
  const end = node.position?.end;
  if (!end) return lineOf(node);
  return end.column === 1 && end.line > lineOf(node) ? end.line - 1 : end.line;
}

function toBlock(node: SyntaxNode, source: Source): Block {
  const units: string[] = [];
  collectUnits(node, units);
  const isContent = isVisible(node) && units.some((unit) => unit.trim() !== '');
  const masks: Mask[] = [];
  collectMasks(node, source, masks);
  return { type: node.type, line: lineOf(node), endLine: endLineOf(node), isContent, units, masks };
}

/**
 * Code and comments found through the syntax tree, not by scanning lines: a fence inside a
 * list item, or a code span whose backticks sit on two lines, is still code.
 */
function collectMasks(root: SyntaxNode, source: Source, out: Mask[]): void {
  // Depth first, in document order, with a stack of our own: 10,000 nested lists must not overflow the call stack.
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    // The event tree (src/core/event-tree.ts) leaves `end` off nodes whose end it never needs.
    const end = node.position?.end?.offset;
    if ((node.type === 'code' || node.type === 'inlineCode') && start !== undefined && end !== undefined) {
      addMask(start, end, node.type === 'code' ? 'code' : 'inline-code', source, out);
    } else if (node.type === 'html' && start !== undefined && end !== undefined) {
      addCommentMasks(start, end, source, out);
    } else if (node.children) {
      pushChildren(node.children, stack);
    }
  }
}

/** Children onto a stack in reverse, so they come off it in document order. */
function pushChildren(children: readonly SyntaxNode[], stack: SyntaxNode[]): void {
  for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
}

function isVisible(node: SyntaxNode): boolean {
  return node.type !== 'definition' && node.type !== 'thematicBreak';
}

/** Plain text a reader would see, one piece per paragraph, list item, table row or code block. */
function collectUnits(root: SyntaxNode, out: string[]): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'html': {
        const visible = (node.value ?? '').replace(COMMENT, '').trim();
        if (visible !== '') out.push(visible);
        break;
      }
      case 'code':
        if ((node.value ?? '').trim() !== '') out.push(node.value ?? '');
        break;
      case 'paragraph':
      case 'heading':
      case 'tableRow': {
        const text = node.type === 'tableRow' ? (node.children ?? []).map((cell) => textOf(cell, true)).join(' ') : textOf(node, true);
        // A diagram with no alt text is still something the author put there.
        out.push(text.trim() === '' && hasImage(node) ? 'image' : text);
        break;
      }
      case 'definition':
      case 'thematicBreak':
        break;
      default:
        if (node.children) pushChildren(node.children, stack);
        else if (typeof node.value === 'string') out.push(node.value);
    }
  }
}

/**
 * What `toString` gives (text, code, image alt, never other HTML), without recursion. With
 * `angleTags`, inline `<role>`-style tags are kept as text: a paragraph of nothing but
 * `<owner> <team>` holds placeholders, it is not empty.
 */
function textOf(root: SyntaxNode, angleTags: boolean): string {
  let text = '';
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') text += angleTags && ANGLE_TAG.test(node.value ?? '') ? (node.value ?? '') : '';
    else if (node.value !== undefined) text += node.value;
    else if (node.alt) text += node.alt;
    else if (node.children) pushChildren(node.children, stack);
  }
  return text;
}

function hasImage(root: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'image' || node.type === 'imageReference') return true;
    if (node.children) pushChildren(node.children, stack);
  }
  return false;
}
