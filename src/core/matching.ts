/** What matching found: which spec headings stand for which template sections. */
import type { TemplateSection } from './template.js';
import type { SpecDocument, SpecSection } from './types.js';

export interface Matching {
  /** Spec sections that name each template section; the first is the section's own (where the template puts it). */
  bySection: Map<TemplateSection, SpecSection[]>;
  /** The template section a spec heading names (the first, when it names several). */
  byHeading: Map<SpecSection, TemplateSection>;
  /** Every section a heading names when it names several: `Security & Observability`. */
  combined: Map<SpecSection, TemplateSection[]>;
  /** Headings that name a section only through some of their parts (`Storage (Data Model)`). */
  byParts: Set<SpecSection>;
  /** The author's own headings, standing where the template has a placeholder heading (`### {title of option 1}`). */
  authored: Map<SpecSection, TemplateSection>;
  /** A section's name again inside another of the author's sections (`### Motivation` of one feature): structure, not the section. */
  repeats: Map<SpecSection, TemplateSection>;
  /** Spec headings that name no template section and stand for none. */
  unmatched: SpecSection[];
  /** The enclosing spec section of each spec section. */
  parentOf: Map<SpecSection, SpecSection>;
}

/** The lone first `#` heading names the document, not a section. */
export function documentTitle(document: SpecDocument): SpecSection | undefined {
  const first = document.all[0];
  if (!first || first.heading.level !== 1) return undefined;
  return document.all.filter((spec) => spec.heading.level === 1).length === 1 ? first : undefined;
}

/** The heading a spec heading sits directly under, looking through the document's title. */
export function containerOf(spec: SpecSection, matching: Matching, title: SpecSection | undefined): SpecSection | undefined {
  const parent = matching.parentOf.get(spec);
  return parent === title ? undefined : parent;
}

/** The template sections a spec heading stands for: those it names, or the placeholder it fills. */
export function sectionsAt(spec: SpecSection | undefined, matching: Matching): TemplateSection[] {
  if (!spec) return [];
  const authored = matching.authored.get(spec);
  if (authored) return [authored];
  const named = matching.byHeading.get(spec);
  return matching.combined.get(spec) ?? (named ? [named] : []);
}
