import { distance } from 'fastest-levenshtein';
import { headingKey } from './normalize.js';
import type { Template, TemplateSection } from './template.js';
import type { SpecDocument, SpecSection } from './types.js';

export interface Matching {
  /** Spec sections that name each template section, in document order. */
  bySection: Map<TemplateSection, SpecSection[]>;
  byHeading: Map<SpecSection, TemplateSection>;
  /** Spec headings that name no template section. */
  unmatched: SpecSection[];
  /** The enclosing spec section of each spec section. */
  parentOf: Map<SpecSection, SpecSection>;
}

/** Extra names per template section, from the configuration. */
export type Aliases = ReadonlyMap<TemplateSection, readonly string[]>;

/**
 * Pairs spec headings with template sections by name, at any heading level. When two
 * template sections share a name (`Risks` under two parents), the one whose parent the
 * spec heading sits under wins.
 */
export function matchSections(document: SpecDocument, template: Template, aliases: Aliases = new Map()): Matching {
  const byKey = new Map<string, TemplateSection[]>();
  const index = (key: string, section: TemplateSection): void => {
    if (key === '') return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(section)) list.push(section);
    byKey.set(key, list);
  };
  for (const section of template.all) {
    index(section.key, section);
    for (const alias of aliases.get(section) ?? []) index(headingKey(alias), section);
  }

  const matching: Matching = { bySection: new Map(), byHeading: new Map(), unmatched: [], parentOf: parents(document) };
  for (const spec of document.all) {
    const candidates = byKey.get(specKey(spec));
    const chosen = candidates && pick(candidates, spec, matching);
    if (!chosen) {
      matching.unmatched.push(spec);
      continue;
    }
    matching.byHeading.set(spec, chosen);
    const list = matching.bySection.get(chosen) ?? [];
    list.push(spec);
    matching.bySection.set(chosen, list);
  }
  demoteNestedNamesakes(matching, document);
  return matching;
}

/**
 * A heading that shares a section's name but sits inside another section (`#### Drawbacks` of
 * one alternative, under `## Alternatives`) is a sub-heading of that section, not the section
 * again: when the section also has a heading where the template puts it, the namesake is
 * demoted to an ordinary heading instead of being reported as a duplicate.
 */
function demoteNestedNamesakes(matching: Matching, document: SpecDocument): void {
  for (const [section, specs] of matching.bySection) {
    if (specs.length < 2) continue;
    const inPlace = specs.filter((spec) => enclosingSection(spec, matching) === section.parent);
    if (inPlace.length === 0 || inPlace.length === specs.length) continue;
    for (const spec of specs) if (!inPlace.includes(spec)) matching.byHeading.delete(spec);
    matching.bySection.set(section, inPlace);
  }
  matching.unmatched = document.all.filter((spec) => !matching.byHeading.has(spec));
}

/** The template section of the nearest matched heading around a spec heading. */
function enclosingSection(spec: SpecSection, matching: Matching): TemplateSection | undefined {
  for (let ancestor = matching.parentOf.get(spec); ancestor; ancestor = matching.parentOf.get(ancestor)) {
    const matched = matching.byHeading.get(ancestor);
    if (matched) return matched;
  }
  return undefined;
}

// Matching and near-miss hints ask for the same heading's key again and again; it is computed once.
const specKeys = new WeakMap<SpecSection, string>();

function specKey(spec: SpecSection): string {
  let key = specKeys.get(spec);
  if (key === undefined) specKeys.set(spec, (key = headingKey(spec.heading.text)));
  return key;
}

function pick(candidates: TemplateSection[], spec: SpecSection, matching: Matching): TemplateSection {
  if (candidates.length === 1) return candidates[0]!;
  for (let ancestor = matching.parentOf.get(spec); ancestor; ancestor = matching.parentOf.get(ancestor)) {
    const matched = matching.byHeading.get(ancestor);
    const underIt = matched && candidates.find((candidate) => isDescendant(candidate, matched));
    if (underIt) return underIt;
  }
  return candidates.find((candidate) => !matching.bySection.has(candidate)) ?? candidates[0]!;
}

export function isDescendant(section: TemplateSection, ancestor: TemplateSection): boolean {
  for (let parent = section.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

function parents(document: SpecDocument): Map<SpecSection, SpecSection> {
  const map = new Map<SpecSection, SpecSection>();
  const visit = (section: SpecSection): void => {
    for (const child of section.children) {
      map.set(child, section);
      visit(child);
    }
  };
  document.sections.forEach(visit);
  return map;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on']);
const NEAR_MISS_THRESHOLD = 0.75;

/**
 * The unmatched heading that most looks like a missing section: a typo or a plural
 * (`Acceptance Criterion`), or a heading that adds or drops words (`Alternatives` for
 * `Rationale and alternatives`). A hint only; the section still counts as missing.
 */
export function nearMiss(section: TemplateSection, candidates: readonly SpecSection[]): SpecSection | undefined {
  let best: SpecSection | undefined;
  let bestScore = NEAR_MISS_THRESHOLD;
  for (const candidate of candidates) {
    const score = similarity(section.key, specKey(candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function similarity(wanted: string, found: string): number {
  if (wanted === '' || found === '') return 0;
  const spelling = 1 - distance(wanted, found) / Math.max(wanted.length, found.length);
  const wantedWords = contentWords(wanted);
  const foundWords = contentWords(found);
  const shared = wantedWords.filter((word) => foundWords.includes(word)).length;
  const contained = shared > 0 && (shared === wantedWords.length || shared === foundWords.length);
  // A shared word is a weaker signal than a near-identical spelling.
  return Math.max(spelling, contained ? 0.76 + 0.1 * (shared / Math.max(wantedWords.length, foundWords.length)) : 0);
}

function contentWords(key: string): string[] {
  return key.split(' ').filter((word) => !STOP_WORDS.has(word));
}
