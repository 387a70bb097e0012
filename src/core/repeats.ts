import { containerOf, sectionsAt, type Matching } from './matching.js';
import type { TemplateSection } from './template.js';
import type { SpecSection } from './types.js';

/**
 * When a section has several headings, decides which one is the section and what the others are.
 * The section's own heading is the one where the template puts it (under its parent's heading,
 * or at the top), else the first. A heading in the same place again is a duplicate or a second
 * part of the section, and stays. A heading with the name inside another of the author's
 * sections (`### Motivation` of each `## <feature>`, `#### Drawbacks` of one alternative) is
 * repeated structure: it is neither the section nor a duplicate of it.
 */
export function settleRepeats(matching: Matching, title: SpecSection | undefined): void {
  for (const [section, specs] of matching.bySection) {
    if (specs.length < 2) continue;
    const place = (spec: SpecSection): SpecSection | undefined => containerOf(spec, matching, title);
    const inPlace = specs.filter((spec) => isInPlace(place(spec), section, matching));
    const own = inPlace[0] ?? specs[0]!;
    const kept = [own];
    for (const spec of specs) {
      if (spec === own) continue;
      if (place(spec) === place(own) || inPlace.includes(spec)) kept.push(spec);
      else demote(spec, section, matching);
    }
    matching.bySection.set(section, kept);
  }
}

function isInPlace(container: SpecSection | undefined, section: TemplateSection, matching: Matching): boolean {
  return section.parent ? sectionsAt(container, matching).includes(section.parent) : container === undefined;
}

/** The heading stops naming the section; it may still name others (`Security & Rollout`). */
function demote(spec: SpecSection, section: TemplateSection, matching: Matching): void {
  const rest = sectionsAt(spec, matching).filter((other) => other !== section);
  matching.combined.delete(spec);
  if (rest.length === 0) {
    matching.byHeading.delete(spec);
    matching.repeats.set(spec, section);
    return;
  }
  matching.byHeading.set(spec, rest[0]!);
  if (rest.length > 1) matching.combined.set(spec, rest);
}
