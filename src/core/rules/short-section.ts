import type { Rule, RuleFinding } from './rule.js';

export const shortSection: Rule = {
  id: 'short-section',
  description: 'A section has fewer words than its configured min_words.',
  check({ present, states, policy }) {
    const findings: RuleFinding[] = [];
    for (const [section, spec] of present) {
      const state = states.get(section);
      const minimum = policy.minWords(section);
      if (state?.fill !== 'written' || state.words >= minimum) continue;
      findings.push({
        section: section.name,
        line: spec.heading.line,
        message: `Section "${section.name}" has ${state.words} ${state.words === 1 ? 'word' : 'words'}; the configuration asks for at least ${minimum}.`,
      });
    }
    return findings;
  },
};
