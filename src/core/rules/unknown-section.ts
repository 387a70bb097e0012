import { documentTitle } from '../matching.js';
import type { Rule, RuleFinding } from './rule.js';

export const unknownSection: Rule = {
  id: 'unknown-section',
  description: "A heading at the template's section level names no section of the template.",
  check({ matching, policy, document }) {
    const sectionLevel = Math.min(...policy.template.sections.map((section) => section.level));
    const title = documentTitle(document);
    const findings: RuleFinding[] = [];
    for (const spec of matching.unmatched) {
      if (spec === title || spec.heading.level > sectionLevel) continue;
      findings.push({
        section: spec.heading.text,
        line: spec.heading.line,
        message: `Heading "${spec.heading.text}" is not a section of the template.`,
      });
    }
    return findings;
  },
};
