import { guidanceFor, resemblance } from '../guidance.js';
import { unitLines } from '../unit-lines.js';
import { owningSection, type Rule, type RuleFinding } from './rule.js';

const QUOTED_WORDS = 8;
// A word or two of guidance ("Metrics", "Other") is as likely the author's own.
const MIN_WORDS = 3;

export const leftoverGuidance: Rule = {
  id: 'leftover-guidance',
  description: "A written section still holds a paragraph, bullet or quote of the template's guidance, kept as it was or nearly.",
  check(context) {
    const findings: RuleFinding[] = [];
    for (const spec of context.document.all) {
      const owner = owningSection(spec, context);
      // A section of nothing but guidance is a placeholder-section error already.
      if (!owner || context.states.get(owner)?.fill !== 'written') continue;
      const guidance = guidanceFor(owner, context.policy.template);
      if (!guidance.units.some((unit) => unit.kind === 'guidance')) continue;
      for (const block of spec.blocks) {
        if (!block.isContent || block.type === 'code') continue;
        block.units.forEach((unit, index) => {
          const copied = resemblance(unit, guidance, { contains: true });
          // Bracket tokens in it are placeholder-text's to report; draft and kept text is the template's offer to keep.
          if (!copied || copied.unit.kind !== 'guidance' || copied.unit.hasBrackets || copied.unit.words < MIN_WORDS) return;
          findings.push({
            section: owner.name,
            line: unitLines(block, context.document.lines)[index]!,
            message: `The template's guidance "${excerpt(unit)}" is still in "${owner.name}". Delete it, or replace it with the real content.`,
          });
        });
      }
    }
    return findings;
  },
};

function excerpt(unit: string): string {
  const words = unit.trim().split(/\s+/u);
  return words.length > QUOTED_WORDS ? `${words.slice(0, QUOTED_WORDS).join(' ')} …` : words.join(' ');
}
