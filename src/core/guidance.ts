import { countWords, proseKey } from './normalize.js';
import { parseSpec } from './parse.js';
import type { Template, TemplateSection } from './template.js';
import type { Block, SpecDocument } from './types.js';
import { wordEdits } from './word-edits.js';

/**
 * What the template writes under each heading, sorted by what an author should do with it:
 * - `guidance`: instructions to replace ("One paragraph explanation of the feature.");
 * - `draft`: a starting answer in a template that explains itself in comments (ERC's
 *   "Needs discussion.", KEP's blank forms): not an answer yet, but offered to build on;
 * - `kept`: text to keep as it is: a checklist to tick, or, in a template that explains
 *   itself in comments, the text of a section it does not explain (ERC's Copyright line).
 */
export type GuidanceKind = 'guidance' | 'draft' | 'kept';

export interface GuidanceUnit {
  kind: GuidanceKind;
  /** Normalised text (`proseKey`). */
  key: string;
  /** The key's words, and their number. */
  wordList: readonly string[];
  words: number;
  /** The unit holds one of the template's bracket tokens: placeholder-text already says so. */
  hasBrackets: boolean;
}

export interface SectionGuidance {
  units: readonly GuidanceUnit[];
  /** The sentences of `guidance` units, long enough to spot when a spec keeps one alone. */
  sentences: readonly GuidanceUnit[];
  /** The longest unit's key, and how every unit and sentence begins: cheap tests before normalising a spec's text. */
  longest: number;
  openings: ReadonlySet<string>;
  /**
   * For a text of n words, the positions of the units it can be the same as or a near copy of
   * (the same number of words, or within the near-copy allowance), in order.
   */
  byWords: ReadonlyArray<readonly number[] | undefined>;
}

// Near copies: guidance of at least this many words, with at most this share of words changed.
const NEAR_MIN_WORDS = 5;
const NEAR_EDITS = 0.15;
// A guidance unit found inside a longer paragraph: long enough not to be a chance phrase.
const CONTAINS_MIN_WORDS = 6;
const SENTENCE_MIN_WORDS = 5;

const BRACKETED = /[<{][^<>{}]*[>}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const TASK_ITEM = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?\[[ xX]\]\s/u;
// "Event Reason:", "Metric name:": a field a form leaves blank.
const BLANK_FIELD = /:\s*$/u;

const byTemplate = new WeakMap<Template, Map<TemplateSection, SectionGuidance>>();

/** A section's guidance and its sub-sections', sorted (cached per template). */
export function guidanceFor(section: TemplateSection, template: Template): SectionGuidance {
  let sections = byTemplate.get(template);
  if (!sections) byTemplate.set(template, (sections = classify(template)));
  return sections.get(section) ?? sectionGuidance([]);
}

function classify(template: Template): Map<TemplateSection, SectionGuidance> {
  const parsed = new Map(template.all.map((section) => [section, parseSpec(section.guidance)] as const));
  let commentWords = 0;
  let visibleWords = 0;
  for (const document of parsed.values()) {
    for (const block of document.preamble) {
      if (block.isContent) visibleWords += block.units.reduce((sum, unit) => sum + countWords(unit), 0);
      else commentWords += countWords(commentText(block, document));
    }
  }
  const explainsInComments = commentWords > visibleWords;
  const own = new Map<TemplateSection, Array<GuidanceUnit & { text: string }>>();
  for (const [section, document] of parsed) {
    const hasComment = document.preamble.some((block) => block.masks.some((mask) => mask.kind === 'comment'));
    const units: Array<GuidanceUnit & { text: string }> = [];
    for (const block of document.preamble) {
      if (!block.isContent) continue;
      const kind: GuidanceKind = isChecklist(block, document) ? 'kept' : !explainsInComments ? 'guidance' : hasComment ? 'draft' : 'kept';
      for (const unit of block.units) {
        const key = proseKey(unit);
        if (key !== '') units.push({ ...guidanceUnit(key, kind, BRACKETED.test(unit)), text: unit });
      }
    }
    own.set(section, units);
  }
  const result = new Map<TemplateSection, SectionGuidance>();
  for (const section of template.all) {
    result.set(section, sectionGuidance([section, ...descendants(section)].flatMap((each) => own.get(each) ?? [])));
  }
  return result;
}

function sectionGuidance(units: ReadonlyArray<GuidanceUnit & { text: string }>): SectionGuidance {
  const sentences = units.filter((unit) => unit.kind === 'guidance').flatMap(sentencesOf);
  return {
    units,
    sentences,
    longest: Math.max(0, ...units.map((unit) => unit.key.length)),
    openings: new Set([...units, ...sentences].map((unit) => opening(unit.key))),
    byWords: byWordCount(units),
  };
}

function byWordCount(units: readonly GuidanceUnit[]): Array<number[] | undefined> {
  const byWords: Array<number[] | undefined> = [];
  units.forEach((unit, position) => {
    const allowed = unit.words < NEAR_MIN_WORDS ? 0 : nearAllowance(unit);
    for (let words = Math.max(0, unit.words - allowed); words <= unit.words + allowed; words++) (byWords[words] ??= []).push(position);
  });
  return byWords;
}

function nearAllowance(unit: GuidanceUnit): number {
  return Math.max(1, Math.floor(unit.words * NEAR_EDITS));
}

function descendants(section: TemplateSection): TemplateSection[] {
  return section.children.flatMap((child) => [child, ...descendants(child)]);
}

function guidanceUnit(key: string, kind: GuidanceKind, hasBrackets: boolean): GuidanceUnit {
  const wordList = key.split(' ');
  return { kind, key, wordList, words: wordList.length, hasBrackets };
}

/** The sentences of a unit of several, each long enough to be recognised alone. */
function sentencesOf(unit: GuidanceUnit & { text: string }): GuidanceUnit[] {
  return unit.text
    .split(/(?<=[.?!:])\s+(?=\p{Lu})/u)
    .map(proseKey)
    .filter((sentence) => sentence !== unit.key && sentence.split(' ').length >= SENTENCE_MIN_WORDS)
    .map((sentence) => guidanceUnit(sentence, unit.kind, unit.hasBrackets));
}

/** A list of `- [ ]` items with no blank field under them: to be ticked, not rewritten. */
function isChecklist(block: Block, document: SpecDocument): boolean {
  const lines = document.lines.slice(block.line - 1, block.endLine);
  return TASK_ITEM.test(lines[0] ?? '') && !block.units.some((unit) => BLANK_FIELD.test(unit));
}

function commentText(block: Block, document: SpecDocument): string {
  return block.masks
    .filter((mask) => mask.kind === 'comment')
    .map((mask) => document.lines[mask.line - 1]!.slice(mask.start, mask.end))
    .join(' ');
}

/** How a unit of the spec compares with a unit of guidance. */
export type Resemblance = 'same' | 'near' | 'contains';

/**
 * The guidance unit a unit of the spec copies: the same words, a near copy (a word changed,
 * added or dropped for every seven or so), or, with `contains`, a long guidance unit or
 * sentence with the author's words after it ("Why should we not do this? Because …").
 */
export function resemblance(
  text: string,
  guidance: SectionGuidance,
  options: { contains: boolean },
  keyOf: (text: string) => string = proseKey,
): { unit: GuidanceUnit; how: Resemblance } | undefined {
  if (guidance.units.length === 0) return undefined;
  const mayContain = options.contains && guidance.openings.has(opening(text));
  // Too long to be a copy, and not starting like one: not worth normalising.
  if (!mayContain && text.length > guidance.longest * 1.5 + 20) return undefined;
  const key = keyOf(text);
  const count = wordCount(key);
  let words: string[] | undefined;
  let present: Set<string> | undefined;
  // Only units of about as many words can be the same or a near copy; any shorter one may be contained.
  for (const position of mayContain ? guidance.units.keys() : (guidance.byWords[count] ?? [])) {
    const unit = guidance.units[position]!;
    if (unit.key === key) return { unit, how: 'same' };
    if (unit.words < NEAR_MIN_WORDS) continue;
    if (mayContain && unit.kind === 'guidance' && unit.words >= CONTAINS_MIN_WORDS && startsWithWords(key, unit.key)) return { unit, how: 'contains' };
    const allowed = nearAllowance(unit);
    if (Math.abs(unit.words - count) > allowed) continue;
    words ??= key.split(' ');
    // Each of the unit's words the text lacks costs an edit at least: a cheap bound before the table.
    if (missing(unit.wordList, (present ??= new Set(words)), allowed) > allowed) continue;
    if (wordEdits(words, unit.wordList, allowed) <= allowed) return { unit, how: 'near' };
  }
  if (!mayContain) return undefined;
  for (const sentence of guidance.sentences) {
    if (key === sentence.key || startsWithWords(key, sentence.key)) return { unit: sentence, how: 'contains' };
  }
  return undefined;
}

/** How many of the words are not in `present`, counted up to one past `limit`. */
function missing(words: readonly string[], present: ReadonlySet<string>, limit: number): number {
  let count = 0;
  for (const word of words) if (!present.has(word) && ++count > limit) break;
  return count;
}

/** How many words `key.split(' ')` gives. */
function wordCount(key: string): number {
  let count = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) count++;
  return count;
}

function startsWithWords(key: string, start: string): boolean {
  return key.length > start.length && key.charCodeAt(start.length) === 32 && key.startsWith(start);
}

/** The first two words, lower case: how a text begins. */
function opening(text: string): string {
  WORD.lastIndex = 0;
  const first = WORD.exec(text)?.[0] ?? '';
  const second = WORD.exec(text)?.[0] ?? '';
  return `${first} ${second}`.toLowerCase();
}

