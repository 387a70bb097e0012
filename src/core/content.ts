/**
 * What a section's content is made of, for the content rules (`must_contain`, `must_mention`,
 * `forbid`, `max_unchecked`): the kinds of blocks it holds, its checklist items, and phrases in the
 * text a reader sees. Code, in blocks or inline, and comments never count.
 */
import type { ContentKind } from './policy.js';
import type { Block } from './types.js';

/** `- [ ] item`, `* [x] item`, `1. [ ] item`, inside a block quote too. */
const TASK_ITEM = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?=\s|$)/u;
/** An inline link, a reference link, an autolink or a bare web address. */
const LINK = /\[[^\]]*\]\([^)\s]+[^)]*\)|\[[^\]]+\]\[[^\]]*\]|<[a-z][a-z0-9+.-]*:[^<>\s]+>|\bhttps?:\/\/[^\s<>)\]]+/iu;

export interface ChecklistItem {
  line: number;
  checked: boolean;
}

/** A block's lines as a reader sees them: code and comments blanked out. */
export function visibleLines(block: Block, lines: readonly string[]): { line: number; text: string }[] {
  const visible: { line: number; text: string }[] = [];
  for (let line = block.line; line <= block.endLine; line++) {
    let text = lines[line - 1] ?? '';
    for (const mask of block.masks) {
      if (mask.line === line) text = text.slice(0, mask.start) + ' '.repeat(mask.end - mask.start) + text.slice(mask.end);
    }
    visible.push({ line, text });
  }
  return visible;
}

/** The checklist items of a section's lists, in document order. */
export function checklistItems(blocks: readonly Block[], lines: readonly string[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const block of blocks) {
    if (block.type !== 'list') continue;
    for (const { line, text } of visibleLines(block, lines)) {
      const mark = TASK_ITEM.exec(text)?.[1];
      if (mark !== undefined) items.push({ line, checked: mark !== ' ' });
    }
  }
  return items;
}

/** Whether the blocks hold a kind of content. A checklist is a list too. */
export function holds(kind: ContentKind, blocks: readonly Block[], lines: readonly string[]): boolean {
  switch (kind) {
    case 'list':
      return blocks.some((block) => block.type === 'list');
    case 'checklist':
      return checklistItems(blocks, lines).length > 0;
    case 'table':
      return blocks.some((block) => block.type === 'table');
    case 'code':
      return blocks.some((block) => block.type === 'code' || block.masks.some((mask) => mask.kind === 'code'));
    case 'link':
      return blocks.some((block) => visibleLines(block, lines).some(({ text }) => LINK.test(text)));
  }
}

/**
 * A plain phrase, matched case-insensitively as whole words: `roll back` matches "Roll  back"
 * and "roll back," but not "enrollback". The phrase is text, never a pattern.
 */
export function phraseMatcher(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/u).map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'iu');
}

/**
 * The first line where a phrase appears in the text a reader sees, or undefined. Code (blocks and
 * spans) and comments are blanked out first, and emphasis marks dropped, so `do **not**` reads
 * "do not"; a phrase may run over a line break.
 */
export function findPhrase(phrase: string, blocks: readonly Block[], lines: readonly string[]): number | undefined {
  const matcher = phraseMatcher(phrase);
  for (const block of blocks) {
    const visible = visibleLines(block, lines);
    const text = visible.map((line) => line.text.replace(EMPHASIS, '')).join('\n');
    const found = matcher.exec(text);
    if (!found) continue;
    const before = text.slice(0, found.index);
    return visible[0]!.line + (before.match(/\n/gu)?.length ?? 0);
  }
  return undefined;
}

const EMPHASIS = /[*~]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
