import { containerOf, documentTitle, sectionsAt, type Matching } from './matching.js';
import { halvesOf, joinedNames } from './joined-names.js';
import { headingKey } from './normalize.js';
import { settleRepeats } from './repeats.js';
import { longQuestionsAmong, rewordedSections } from './reworded.js';
import type { Template, TemplateSection } from './template.js';
import type { SpecDocument, SpecSection } from './types.js';

export type { Matching } from './matching.js';

/** Extra names per template section, from the configuration. */
export type Aliases = ReadonlyMap<TemplateSection, readonly string[]>;

type KeyIndex = Map<string, TemplateSection[]>;

/**
 * Pairs spec headings with template sections by name, at any heading level. When two
 * template sections share a name (`Risks` under two parents), the one whose parent the
 * spec heading sits under wins. Only exact (normalised) names and configured aliases match:
 * a heading that joins several names (`Security & Observability`) matches each of them.
 */
export function matchSections(document: SpecDocument, template: Template, aliases: Aliases = new Map()): Matching {
  const { index, halves } = templateKeys(template, aliases);
  const matching: Matching = {
    bySection: new Map(),
    byHeading: new Map(),
    combined: new Map(),
    byParts: new Set(),
    authored: new Map(),
    repeats: new Map(),
    unmatched: [],
    parentOf: parents(document),
  };
  for (const spec of document.all) {
    const named = namesOf(spec, index, halves, matching);
    if (named.length === 0) continue;
    matching.byHeading.set(spec, named[0]!);
    if (named.length > 1) matching.combined.set(spec, named);
    for (const section of named) matching.bySection.set(section, [...(matching.bySection.get(section) ?? []), spec]);
  }
  const title = documentTitle(document);
  settleRepeats(matching, title);
  claimRewordedQuestions(matching, document, template);
  claimPlaceholderSlots(matching, document, template, title);
  matching.unmatched = document.all.filter(
    (spec) => !matching.byHeading.has(spec) && !matching.authored.has(spec) && !matching.repeats.has(spec),
  );
  return matching;
}

// Which key names which section depends on the template and the aliases alone: worked out once for both.
const keysByTemplate = new WeakMap<Template, WeakMap<Aliases, { index: KeyIndex; halves: Set<string> }>>();

function templateKeys(template: Template, aliases: Aliases): { index: KeyIndex; halves: Set<string> } {
  let byAliases = keysByTemplate.get(template);
  if (!byAliases) keysByTemplate.set(template, (byAliases = new WeakMap()));
  let keys = byAliases.get(aliases);
  if (!keys) {
    const index = keyIndex(template, aliases);
    byAliases.set(aliases, (keys = { index, halves: halvesOf(index.keys()) }));
  }
  return keys;
}

function keyIndex(template: Template, aliases: Aliases): KeyIndex {
  const byKey: KeyIndex = new Map();
  const index = (key: string, section: TemplateSection): void => {
    if (key === '') return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(section)) list.push(section);
    byKey.set(key, list);
  };
  for (const section of template.all) {
    if (section.placeholder) continue;
    index(section.key, section);
    // "Motivation: Why is this CIP necessary?" is the Motivation section, with a question to answer.
    const [name, subtitle] = section.name.split(/:\s+/u);
    if (subtitle) index(headingKey(name!), section);
    for (const alias of aliases.get(section) ?? []) index(headingKey(alias), section);
  }
  return byKey;
}

/** The sections a heading names: by its whole name, else by the names it joins (`Security & Observability`). */
function namesOf(spec: SpecSection, index: KeyIndex, halves: ReadonlySet<string>, matching: Matching): TemplateSection[] {
  const whole = index.get(spec.key);
  if (whole) return [pick(whole, spec, matching)];
  const joined = joinedNames(spec.heading.text, (key) => index.has(key), (key) => halves.has(key));
  if (!joined) return [];
  matching.byParts.add(spec);
  return [...new Set(joined.map((key) => pick(index.get(key)!, spec, matching)))];
}

/**
 * A question heading in the template's earlier wording (`###### How can a rollout fail? …` for
 * `How can a rollout or rollback fail? …`) names that question when nothing else does (`reworded.ts`).
 */
function claimRewordedQuestions(matching: Matching, document: SpecDocument, template: Template): void {
  const questions = longQuestionsAmong(template, template.all.filter((section) => !matching.bySection.has(section)));
  if (questions.length === 0) return;
  const candidates = document.all.filter(
    (spec) => !matching.byHeading.has(spec) && !matching.repeats.has(spec) && spec.heading.text.trimEnd().endsWith('?'),
  );
  const pairs = rewordedSections(template, questions, candidates.map((spec) => ({ item: spec, key: spec.key })));
  for (const [section, spec] of pairs) {
    matching.byHeading.set(spec, section);
    matching.bySection.set(section, [spec]);
  }
}

/**
 * A placeholder heading (`### {title of option 1}`) takes the author's headings that stand where
 * it stands: directly under a heading of its parent (or at the top), between the sections the
 * template puts before and after it.
 */
function claimPlaceholderSlots(matching: Matching, document: SpecDocument, template: Template, title: SpecSection | undefined): void {
  const slots = template.all.filter((section) => section.placeholder);
  if (slots.length === 0) return;
  for (const spec of document.all) {
    if (spec === title || matching.byHeading.has(spec) || matching.repeats.has(spec)) continue;
    const container = containerOf(spec, matching, title);
    const slot = slots.find((candidate) => {
      const inParent = candidate.parent ? sectionsAt(container, matching).includes(candidate.parent) : container === undefined;
      return inParent && betweenNeighbours(spec, candidate, template, matching);
    });
    if (slot) matching.authored.set(spec, slot);
  }
}

function betweenNeighbours(spec: SpecSection, slot: TemplateSection, template: Template, matching: Matching): boolean {
  const siblings = (slot.parent ? slot.parent.children : template.sections).filter((sibling) => !sibling.placeholder);
  const present = (section: TemplateSection): SpecSection | undefined => matching.bySection.get(section)?.[0];
  const before = siblings.filter((sibling) => sibling.order < slot.order).map(present).filter((found) => found !== undefined);
  const after = siblings.filter((sibling) => sibling.order > slot.order).map(present).filter((found) => found !== undefined);
  return before.every((found) => found.index < spec.index) && after.every((found) => found.index > spec.index);
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
