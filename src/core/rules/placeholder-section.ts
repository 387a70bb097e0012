import type { Rule, RuleFinding } from './rule.js';

export const placeholderSection: Rule = {
  id: 'placeholder-section',
  description: 'A section holds only the template\'s guidance, unchanged or nearly, only placeholder tokens, or only a placeholder in words ("To be determined.", or "N/A" where the template asks for an answer).',
  check({ present, states }) {
    const findings: RuleFinding[] = [];
    for (const [section, spec] of present) {
      const state = states.get(section);
      if (state?.fill !== 'guidance' && state?.fill !== 'placeholders') continue;
      const what = state.fill === 'guidance' ? "only the template's guidance" : 'only placeholders';
      findings.push({
        section: section.name,
        line: spec.heading.line,
        message: state.notApplicable
          ? `Section "${section.name}" says only "N/A", but the template asks for it. Say why it does not apply, or make it optional in the configuration.`
          : `Section "${section.name}" still holds ${what}. Replace it with the real content.`,
      });
    }
    return findings;
  },
};
