import { blank } from '../placeholders.js';
import { isSpelledOutPlaceholder } from '../spelled-out.js';
import type { Block, Mask } from '../types.js';
import { unitLines } from '../unit-lines.js';
import { owningSection, type Rule, type RuleContext, type RuleFinding } from './rule.js';

// A line inside a block quote, at the top or in a list item: `> …`, `- > …`.
const QUOTE_LINE = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?>/u;

export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'Written content still holds a placeholder token (TBD, TODO, <your name>, ...) or a placeholder in words ("To be determined.").',
  check(context) {
    const findings: RuleFinding[] = [];
    const scan = (blocks: Block[], name: string): void => {
      for (const block of blocks) {
        if (!block.isContent || block.type === 'code') continue;
        for (const [line, tokens] of placeholdersIn(block, context)) {
          findings.push({
            section: name,
            line,
            message: `Placeholder ${tokens.map((token) => `"${token}"`).join(', ')} left in "${name}". Replace it with the real content.`,
          });
        }
      }
    };
    scan(context.document.preamble, 'preamble');
    for (const spec of context.document.all) {
      const owner = owningSection(spec, context);
      // A section that holds nothing but placeholders is already an error of its own.
      const fill = owner && context.states.get(owner)?.fill;
      if (fill === 'placeholders' || fill === 'guidance') continue;
      scan(spec.blocks, owner?.name ?? spec.heading.text);
    }
    return findings;
  },
};

/** The placeholders on each line of a block, in line order. */
function placeholdersIn(block: Block, context: RuleContext): Map<number, string[]> {
  const { placeholders } = context.policy;
  const masksByLine = new Map<number, Mask[]>();
  for (const mask of block.masks) {
    const onLine = masksByLine.get(mask.line);
    if (onLine) onLine.push(mask);
    else masksByLine.set(mask.line, [mask]);
  }
  const byLine = new Map<number, string[]>();
  for (let line = block.line; line <= block.endLine; line++) {
    const source = context.document.lines[line - 1] ?? '';
    if (!placeholders.mayHold(source)) continue;
    const masks = masksByLine.get(line) ?? [];
    // Code blocks (at any depth) and comments hide every token; inline code only some.
    const hidden = masks.filter((mask) => mask.kind !== 'inline-code').map((mask) => [mask.start, mask.end] as const);
    const inlineCode = masks.filter((mask) => mask.kind === 'inline-code').map((mask) => [mask.start, mask.end] as const);
    const inBlockQuote = block.type === 'blockquote' || QUOTE_LINE.test(source);
    const tokens = [...new Set(placeholders.find(blank(source, hidden), inlineCode, { inBlockQuote }))];
    if (tokens.length > 0) byLine.set(line, tokens);
  }
  // "To be determined." as a paragraph or bullet of its own, beside real text elsewhere.
  if (block.type !== 'blockquote' && block.type !== 'table') {
    const starts = unitLines(block, context.document.lines);
    block.units.forEach((unit, index) => {
      const line = starts[index]!;
      if (isSpelledOutPlaceholder(unit, () => context.units.key(block, index)) && !byLine.has(line)) byLine.set(line, [unit.trim()]);
    });
  }
  return byLine.size < 2 ? byLine : new Map([...byLine].sort(([a], [b]) => a - b));
}
