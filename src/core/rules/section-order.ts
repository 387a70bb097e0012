import type { TemplateSection } from '../template.js';
import type { Rule, RuleFinding } from './rule.js';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections appear in a different order than the template gives them.',
  check({ present, matching }) {
    const inSpecOrder = [...present].sort(([x, a], [y, b]) => a.index - b.index || x.order - y.order);
    const sections = inSpecOrder.map(([section]) => section);
    const inOrder = longestInOrderRun(sections);
    const findings: RuleFinding[] = [];
    // The neighbours named are the in-order sections it belongs between, its siblings when it has
    // some in order: moving it there is the fix, and no other move is needed for it.
    const kept = sections.filter((section) => inOrder.has(section));
    inSpecOrder.forEach(([section, spec]) => {
      // `Outcomes / Acceptance Criteria` stands where one of the sections it names belongs.
      const joined = matching.combined.get(spec) ?? [section];
      if (joined.some((named) => inOrder.has(named))) return;
      const siblings = kept.filter((other) => other.parent === section.parent);
      const candidates = siblings.length > 0 ? siblings : kept;
      const previous = candidates.findLast((other) => other.order < section.order);
      const next = candidates.find((other) => other.order > section.order);
      const where = previous && next ? `after "${previous.name}" and before "${next.name}"` : previous ? `after "${previous.name}"` : `before "${next!.name}"`;
      findings.push({
        section: section.name,
        line: spec.heading.line,
        message: `Section "${section.name}" is out of order: the template puts it ${where}.`,
      });
    });
    return findings;
  },
};

/** The largest set of sections already in template order (a longest increasing subsequence); the rest moved. */
function longestInOrderRun(sections: TemplateSection[]): Set<TemplateSection> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sections.length).fill(-1);
  sections.forEach((section, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sections[tails[middle]!]!.order < section.order) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<TemplateSection>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(sections[i]!);
  return kept;
}
