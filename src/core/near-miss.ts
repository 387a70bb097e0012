/**
 * Near-miss hints: the unmatched heading that most looks like a missing section. A hint never
 * makes the section present (only exact names and configured aliases do); it points at the
 * heading to rename and at the alias to add.
 */
import { distance } from 'fastest-levenshtein';
import { NearMissIndex } from './near-miss-index.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import type { TemplateSection } from './template.js';
import type { SpecSection } from './types.js';

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'or']);
const NEAR_MISS_THRESHOLD = 0.75;
// One name, spelled another way: a plural, British spelling, other word order ("Options Considered").
const SAME_WORDS = 0.95;
// Another name for the same section, as other teams or older templates write it.
const SYNONYM = 0.9;

/** The closest look-alike of one section among the candidates, if any is close enough. */
export function nearMiss(section: TemplateSection, candidates: readonly SpecSection[]): SpecSection | undefined {
  return nearMisses([section], candidates).get(section);
}

/**
 * A look-alike for each missing section, each heading offered once: the closest pairs first, so
 * `Security & Observability` is never "rename it to Security" and "rename it to Observability" both.
 */
export function nearMisses(sections: readonly TemplateSection[], candidates: readonly SpecSection[]): Map<TemplateSection, SpecSection> {
  const pairs: Array<{ section: TemplateSection; candidate: SpecSection; score: number }> = [];
  if (sections.length === 0) return new Map();
  const found = candidates.map((candidate) => nameOf(candidate.key));
  const wanted = sections.map((section) => cachedName(section));
  // Only the headings that can pass the threshold are compared: the same pairs as comparing all.
  const index = new NearMissIndex(found, wanted);
  sections.forEach((section, at) => {
    for (const position of index.likely(wanted[at]!)) {
      const score = compare(wanted[at]!, found[position]!);
      if (score > NEAR_MISS_THRESHOLD) pairs.push({ section, candidate: candidates[position]!, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.section.order - b.section.order || a.candidate.index - b.candidate.index);
  const chosen = new Map<TemplateSection, SpecSection>();
  const taken = new Set<SpecSection>();
  for (const { section, candidate } of pairs) {
    if (chosen.has(section) || taken.has(candidate)) continue;
    chosen.set(section, candidate);
    taken.add(candidate);
  }
  return chosen;
}

/** A heading key with its loose form, worked out once per key and compared with many. */
interface Name {
  key: string;
  words: string[];
  loose: string;
  group: number | undefined;
}

// Templates outlive checks: a section's name is worked out once (a spec's headings, once per check anyway).
const names = new WeakMap<TemplateSection, Name>();

function cachedName(of: TemplateSection): Name {
  let name = names.get(of);
  if (!name) names.set(of, (name = nameOf(of.key)));
  return name;
}

function nameOf(key: string): Name {
  const words = looseWords(key);
  const loose = words.join(' ');
  return { key, words, loose, group: GROUP_OF.get(loose) };
}

export function similarity(wanted: string, found: string): number {
  return compare(nameOf(wanted), nameOf(found));
}

function compare(wanted: Name, found: Name): number {
  if (wanted.key === '' || found.key === '') return 0;
  if (wanted.loose === found.loose) return SAME_WORDS;
  if (wanted.group !== undefined && wanted.group === found.group) return SYNONYM;
  const spelling = 1 - distance(wanted.key, found.key) / Math.max(wanted.key.length, found.key.length);
  const shared = wanted.words.filter((word) => found.words.includes(word)).length;
  // A dropped or added qualifier ("Security" for "Security Considerations"): a weaker signal than a near-identical spelling.
  const contained = shared > 0 && (shared === wanted.words.length || shared === found.words.length);
  return Math.max(spelling, contained ? 0.76 + 0.1 * (shared / Math.max(wanted.words.length, found.words.length)) : 0);
}

/** A key's content words in one spelling and number, sorted: `Options Considered` and `considered option` agree. */
function looseWords(key: string): string[] {
  const words = key.split(' ').filter((word) => !STOP_WORDS.has(word));
  return words.map(canonicalWord).sort();
}

const CHANGEABLE_ENDING = /(?:our|is(?:e|ed|es|ing|ations?)|yse|tre|ogue|dgements?|ll(?:ing|ed|er)|s)$/u;

const IRREGULAR: Readonly<Record<string, string>> = {
  criteria: 'criterion',
  appendices: 'appendix',
  indices: 'index',
  analyses: 'analysis',
  licence: 'license',
  defence: 'defense',
};

/** British to American spelling and plural to singular, by the regular endings; the same on both sides, so never exact. */
export function canonicalWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  // Every rule below needs one of these endings: most words (and every number) have none.
  if (!CHANGEABLE_ENDING.test(word)) return word;
  let canonical = word
    .replace(/(?<=\p{L}{3})our$/u, 'or') // behaviour
    .replace(/(?<=\p{L}{3})is(e|ed|es|ing|ation|ations)$/u, 'iz$1') // organise, initialisation
    .replace(/(?<=\p{L}{2})yse$/u, 'yze') // analyse
    .replace(/(?<=\p{L}{3})tre$/u, 'ter') // centre
    .replace(/(?<=\p{L}{3})ogue$/u, 'og') // catalogue
    .replace(/dgement(s?)$/u, 'dgment$1') // acknowledgement, judgement
    .replace(/(?<=\p{L}[aeiou])ll(ing|ed|er)$/u, 'l$1'); // modelling, labelled
  if (/\p{L}{3}ies$/u.test(canonical)) canonical = `${canonical.slice(0, -3)}y`;
  else if (/(?:ss|x|ch|sh)es$/u.test(canonical)) canonical = canonical.slice(0, -2);
  else if (/\p{L}{2}[^siu]s$/u.test(canonical)) canonical = canonical.slice(0, -1);
  return canonical;
}

const GROUP_OF = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, index) => {
  for (const name of group.names) GROUP_OF.set(looseWords(name).join(' '), index);
});
