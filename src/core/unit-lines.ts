import type { Block } from './types.js';

// List marks, task checks and quote marks before a line's text.
const LINE_MARKS = /^[\s>]*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/u;
const FIRST_WORD = /[\p{L}\p{N}]+/u;

const cache = new WeakMap<Block, readonly number[]>();

/**
 * The line each unit of a block starts on (a list's items, a table's rows), found by its first
 * word from where the previous unit started; a unit not found starts where the search stood.
 */
export function unitLines(block: Block, lines: readonly string[]): readonly number[] {
  if (block.units.length <= 1) return block.units.map(() => block.line);
  let starts = cache.get(block);
  if (starts) return starts;
  const firsts: string[] = [];
  for (let line = block.line; line <= block.endLine; line++) firsts.push(firstWord((lines[line - 1] ?? '').replace(LINE_MARKS, '')));
  const found: number[] = [];
  let cursor = 0;
  for (const unit of block.units) {
    const first = firstWord(unit);
    let at = cursor;
    while (at < firsts.length && (first === '' || firsts[at] !== first)) at++;
    const line = at < firsts.length ? at : cursor;
    found.push(block.line + line);
    cursor = Math.min(line + 1, firsts.length - 1);
  }
  cache.set(block, (starts = found));
  return starts;
}

function firstWord(text: string): string {
  return FIRST_WORD.exec(text)?.[0].toLowerCase() ?? '';
}
