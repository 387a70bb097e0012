import type { Rule, RuleFinding } from './rule.js';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'A template section has the same heading twice in the same place.',
  check({ matching }) {
    const findings: RuleFinding[] = [];
    for (const [section, specs] of matching.bySection) {
      // Headings with different names (`Positive Consequences`, `Negative Consequences`) are parts of one section.
      specs.forEach((spec, position) => {
        const first = specs.slice(0, position).find((earlier) => earlier.key === spec.key);
        if (!first) return;
        findings.push({
          section: section.name,
          line: spec.heading.line,
          message: `Section "${section.name}" appears again (first at line ${first.heading.line}). Merge the two.`,
        });
      });
    }
    return findings;
  },
};
