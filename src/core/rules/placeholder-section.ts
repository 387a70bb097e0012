import type { Rule, RuleFinding } from './rule.js';

export const placeholderSection: Rule = {
  id: 'placeholder-section',
  description: "A section holds only the template's guidance, unchanged, or only placeholder tokens.",
  check({ present, states }) {
    const findings: RuleFinding[] = [];
    for (const [section, spec] of present) {
      const fill = states.get(section)?.fill;
      if (fill !== 'guidance' && fill !== 'placeholders') continue;
      const what = fill === 'guidance' ? "only the template's guidance" : 'only placeholders';
      findings.push({
        section: section.name,
        line: spec.heading.line,
        message: `Section "${section.name}" still holds ${what}. Replace it with the real content.`,
      });
    }
    return findings;
  },
};
