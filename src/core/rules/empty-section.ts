import type { Rule, RuleFinding } from './rule.js';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section has a heading but nothing a reader would see under it or its sub-sections.',
  check({ present, states }) {
    const findings: RuleFinding[] = [];
    for (const [section, spec] of present) {
      if (states.get(section)?.fill !== 'empty') continue;
      findings.push({
        section: section.name,
        line: spec.heading.line,
        message: `Section "${section.name}" is empty. Write its content under the heading (comments do not count).`,
      });
    }
    return findings;
  },
};
