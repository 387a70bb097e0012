/**
 * Section names written as a bold lead instead of a heading: `* **How can this feature be
 * enabled / disabled in a live cluster?**` (the Kubernetes KEP template's form before its
 * questions became `######` headings), or `**Security:** it reads public data only`. Older
 * templates and many teams' habits write a section this way; the reader sees the section, so
 * it is not missing. Only the whole bold text counts, and only when it opens a paragraph or a
 * list item: bold words inside a sentence name nothing.
 */
import { headingKey } from './normalize.js';
import type { Block, SpecDocument } from './types.js';

const BOLD_OPENING = /^ {0,3}(?:>\s?)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?(\*\*|__)(?=\S)/u;
// A bold question may wrap over a few lines, as list items in the KEP template did.
const MAX_LINES = 4;

/** A bold lead's text as written and its heading key. */
export interface BoldLead {
  text: string;
  key: string;
}

/** Every bold lead in the document, outside code. */
export function boldLeads(document: SpecDocument): BoldLead[] {
  const leads: BoldLead[] = [];
  const blocks = [...document.preamble, ...document.all.flatMap((section) => section.blocks)];
  for (const block of blocks) {
    if (!block.isContent || block.type === 'code' || block.type === 'html' || block.type === 'table') continue;
    for (let line = block.line; line <= block.endLine; line++) {
      const text = leadAt(block, line, document.lines);
      if (text === undefined) continue;
      const key = headingKey(text);
      if (key !== '') leads.push({ text: text.trim(), key });
    }
  }
  return leads;
}

function leadAt(block: Block, line: number, lines: readonly string[]): string | undefined {
  const source = lines[line - 1] ?? '';
  const opening = BOLD_OPENING.exec(source);
  if (!opening || isCode(block, line, opening[0].length - 2)) return undefined;
  const delimiter = opening[1]!;
  let text = source.slice(opening[0].length);
  for (let next = line + 1; ; next++) {
    const end = text.indexOf(delimiter);
    if (end >= 0) return text.slice(0, end);
    if (next > Math.min(block.endLine, line + MAX_LINES - 1)) return undefined;
    text += ` ${(lines[next - 1] ?? '').trim()}`;
  }
}

function isCode(block: Block, line: number, column: number): boolean {
  return block.masks.some((mask) => mask.line === line && mask.start <= column && column < mask.end);
}
