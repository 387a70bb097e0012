import { checklistItems } from '../content.js';
import { writtenBlocks, type Rule, type RuleFinding } from './rule.js';

export const uncheckedItems: Rule = {
  id: 'unchecked-items',
  description: 'A section leaves more checklist items unticked (- [ ]) than its configured max_unchecked allows.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [section] of context.present) {
      const { maxUnchecked } = context.policy.contentRules(section);
      if (maxUnchecked === undefined) continue;
      const unchecked = checklistItems(writtenBlocks(section, context), context.document.lines).filter((item) => !item.checked);
      if (unchecked.length <= maxUnchecked) continue;
      const items = unchecked.length === 1 ? 'item' : 'items';
      findings.push({
        section: section.name,
        line: unchecked[0]!.line,
        message: `Section "${section.name}" has ${unchecked.length} unticked checklist ${items}; the configuration allows at most ${maxUnchecked}. Tick what is done (\`- [x]\`) or remove what no longer applies.`,
      });
    }
    return findings;
  },
};
