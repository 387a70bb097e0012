import { blank } from '../placeholders.js';
import type { TemplateSection } from '../template.js';
import type { Block, Mask, SpecSection } from '../types.js';
import type { Rule, RuleContext, RuleFinding } from './rule.js';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  description: 'Written content still holds a placeholder token (TBD, TODO, <role>, ...).',
  check(context) {
    const findings: RuleFinding[] = [];
    const scan = (blocks: Block[], name: string): void => {
      for (const block of blocks) {
        if (!block.isContent || block.type === 'code') continue;
        const masksByLine = new Map<number, Mask[]>();
        for (const mask of block.masks) {
          const onLine = masksByLine.get(mask.line);
          if (onLine) onLine.push(mask);
          else masksByLine.set(mask.line, [mask]);
        }
        for (let line = block.line; line <= block.endLine; line++) {
          const masks = masksByLine.get(line) ?? [];
          // Code blocks (at any depth) and comments hide every token; inline code only some.
          const hidden = masks.filter((mask) => mask.kind !== 'inline-code').map((mask) => [mask.start, mask.end] as const);
          const inlineCode = masks.filter((mask) => mask.kind === 'inline-code').map((mask) => [mask.start, mask.end] as const);
          const text = blank(context.document.lines[line - 1] ?? '', hidden);
          const tokens = [...new Set(context.policy.placeholders.find(text, inlineCode))];
          if (tokens.length === 0) continue;
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

function owningSection(spec: SpecSection, context: RuleContext): TemplateSection | undefined {
  for (let at: SpecSection | undefined = spec; at; at = context.matching.parentOf.get(at)) {
    const section = context.matching.byHeading.get(at);
    if (section) return section;
  }
  return undefined;
}
