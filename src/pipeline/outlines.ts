import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import type { Policies } from '../config/policies.js';
import type { TemplateSection } from '../core/template.js';
import type { SectionOutline } from '../verdict/report.js';

/** Each template's sections in order, for the HTML report's columns. */
export function outlinesOf(policies: Policies, needed: ReadonlyArray<string | undefined>): Record<string, SectionOutline[]> {
  const outlines: Record<string, SectionOutline[]> = {};
  for (const path of new Set(needed)) {
    const policy = policies.get(path)!;
    const depth = (section: TemplateSection): number => (section.parent ? depth(section.parent) + 1 : 0);
    outlines[path ?? BUILTIN_TEMPLATE] = policy.template.all.map((section) => ({ name: section.name, depth: depth(section), required: policy.isRequired(section) }));
  }
  return outlines;
}
