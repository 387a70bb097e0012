import type { Rule, RuleFinding } from './rule.js';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'A template section has more than one heading in the spec.',
  check({ matching }) {
    const findings: RuleFinding[] = [];
    for (const [section, specs] of matching.bySection) {
      const [first, ...again] = specs;
      for (const spec of again) {
        findings.push({
          section: section.name,
          line: spec.heading.line,
          message: `Section "${section.name}" appears again (first at line ${first!.heading.line}). Merge the two.`,
        });
      }
    }
    return findings;
  },
};
