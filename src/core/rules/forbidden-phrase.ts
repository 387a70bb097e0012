import { findPhrase } from '../content.js';
import { writtenBlocks, type Rule, type RuleFinding } from './rule.js';

export const forbiddenPhrase: Rule = {
  id: 'forbidden-phrase',
  description: 'A section says a phrase its configured forbid list rules out.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [section] of context.present) {
      const { forbid } = context.policy.contentRules(section);
      if (forbid.length === 0) continue;
      const blocks = writtenBlocks(section, context);
      for (const phrase of forbid) {
        const line = findPhrase(phrase, blocks, context.document.lines);
        if (line === undefined) continue;
        findings.push({ section: section.name, line, message: `Section "${section.name}" says "${phrase}", which the configuration forbids. Say what is meant instead.` });
      }
    }
    return findings;
  },
};
