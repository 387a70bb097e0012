import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root, RootContent } from 'mdast';
import type { Block, SpecDocument, SpecSection } from './types.js';

const FRONT_MATTER = ['yaml', 'toml'] as const;
const micromarkExtensions = [frontmatter([...FRONT_MATTER]), gfm()];
const mdastExtensions = [frontmatterFromMarkdown([...FRONT_MATTER]), gfmFromMarkdown()];

/**
 * Markdown text to a section tree. Only top-level headings open sections: a heading
 * inside a list or block quote belongs to that block, and fenced code, HTML blocks and
 * escaped `\#` lines are not headings at all (the real CommonMark parser decides).
 */
export function parseSpec(markdown: string): SpecDocument {
  const tree: Root = fromMarkdown(markdown, { extensions: micromarkExtensions, mdastExtensions });
  const lines = splitLines(markdown);
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
        heading: { text: headingText(node), level: node.depth, line: lineOf(node), endLine: endLineOf(node) },
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
    const block = toBlock(node);
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

function headingText(node: Nodes): string {
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function endLineOf(node: Nodes): number {
  return node.position?.end.line ?? lineOf(node);
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function toBlock(node: RootContent): Block {
  const units: string[] = [];
  collectUnits(node, units);
  const isContent = isVisible(node) && units.some((unit) => unit.trim() !== '');
  return {
    type: node.type,
    line: lineOf(node),
    endLine: endLineOf(node),
    isContent,
    isCode: node.type === 'code' || node.type === 'html',
    units,
  };
}

function isVisible(node: RootContent): boolean {
  return node.type !== 'definition' && node.type !== 'thematicBreak';
}

/** Plain text a reader would see, one piece per paragraph, list item, table row or code block. */
function collectUnits(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'html': {
      const visible = node.value.replace(COMMENT, '').trim();
      if (visible !== '') out.push(visible);
      return;
    }
    case 'code':
      if (node.value.trim() !== '') out.push(node.value);
      return;
    case 'paragraph':
    case 'heading':
    case 'tableRow': {
      const text = plain(node);
      // A diagram with no alt text is still something the author put there.
      out.push(text.trim() === '' && hasImage(node) ? 'image' : text);
      return;
    }
    case 'definition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node) {
        for (const child of node.children) collectUnits(child as Nodes, out);
      } else if ('value' in node && typeof node.value === 'string') {
        out.push(node.value);
      }
  }
}

function plain(node: Nodes): string {
  if (node.type === 'tableRow') return node.children.map((cell) => plain(cell)).join(' ');
  return toString(node, { includeHtml: false });
}

function hasImage(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && node.children.some((child) => hasImage(child as Nodes));
}
