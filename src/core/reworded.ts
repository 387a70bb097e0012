/**
 * A template's questions, answered in the template's own earlier wording. Teams edit the
 * questions of a questionnaire between template versions: a typo fixed ("observability if this
 * feature" → "of this feature"), an article added ("calls to cloud provider" → "to the cloud
 * provider"), a clause widened ("How can a rollout fail?" → "How can a rollout or rollback
 * fail?"). A spec written before the edit still asks the question and answers it: a reader sees
 * it, so it is not missing.
 *
 * This is not a near-miss guess. It applies only to long questions (a whole sentence ending in
 * `?`, at least MIN_WORDS words), where a few changed words leave the same question; short
 * names (`Security`, `Security review`) must still match exactly or by an alias. And it holds
 * only when it is unambiguous both ways: the spec's question is that close to exactly one of the
 * template's sections, and that section has exactly one such question in the spec.
 */

import type { Template, TemplateSection } from './template.js';
import { wordEdits } from './word-edits.js';

const MIN_WORDS = 8;
/** One changed word in five, at most three: the edits a template's questions saw, not a new question. */
const EDITS_PER_WORD = 1 / 5;
const MAX_EDITS = 3;

/** True when a section name is a question long enough to be compared by its words. */
function isLongQuestion(section: TemplateSection): boolean {
  return !section.placeholder && section.name.trimEnd().endsWith('?') && wordsOf(section.key).length >= MIN_WORDS;
}

/** What a template's questions are, worked out once per template: templates outlive checks. */
interface TemplateQuestions {
  questions: readonly Question[];
  long: ReadonlySet<TemplateSection>;
}

const byTemplate = new WeakMap<Template, TemplateQuestions>();

function questionsOf(template: Template): TemplateQuestions {
  let known = byTemplate.get(template);
  if (!known) {
    known = { questions: toQuestions(template.all.map((section) => section.key)), long: new Set(template.all.filter(isLongQuestion)) };
    byTemplate.set(template, known);
  }
  return known;
}

/** The template's long questions among `sections`: the only ones a rewording can stand for. */
export function longQuestionsAmong(template: Template, sections: readonly TemplateSection[]): TemplateSection[] {
  const { long } = questionsOf(template);
  return sections.filter((section) => long.has(section));
}

/**
 * Each of the template's long questions (from `longQuestionsAmong`) with the one candidate that
 * asks it in nearly the same words, when that pairing is unambiguous (see `rewordedPairs`).
 */
export function rewordedSections<C>(template: Template, questions: readonly TemplateSection[], candidates: ReadonlyArray<{ item: C; key: string }>): Map<TemplateSection, C> {
  return pair(new Map(questions.map((section) => [section.key, section])), candidates, questionsOf(template).questions);
}

/**
 * Pairs each wanted question with the one candidate that words it nearly the same, when the
 * pairing is unambiguous. `templateKeys` are the keys of all the template's sections (the wanted
 * ones among them): a candidate that is as close to any other of them, or is one of them
 * exactly, pairs with nothing.
 */
export function rewordedPairs<W, C>(
  wanted: ReadonlyArray<{ item: W; key: string }>,
  candidates: ReadonlyArray<{ item: C; key: string }>,
  templateKeys: Iterable<string>,
): Map<W, C> {
  return pair(new Map(wanted.map((entry) => [entry.key, entry.item])), candidates, toQuestions(templateKeys));
}

function pair<W, C>(wantedByKey: ReadonlyMap<string, W>, candidates: ReadonlyArray<{ item: C; key: string }>, questions: readonly Question[]): Map<W, C> {
  const pairs = new Map<W, C>();
  if (wantedByKey.size === 0 || candidates.length === 0) return pairs;
  // Many headings share a key (`### Motivation` in each feature): each key is compared once.
  const closest = new Map<string, string | undefined>();
  const claims = new Map<W, C[]>();
  for (const { item, key } of candidates) {
    if (!closest.has(key)) closest.set(key, onlyCloseQuestion(key, questions));
    const target = closest.get(key);
    const section = target === undefined || target === key ? undefined : wantedByKey.get(target);
    if (section === undefined) continue;
    const claimants = claims.get(section);
    if (claimants) claimants.push(item);
    else claims.set(section, [item]);
  }
  for (const [target, claimants] of claims) if (claimants.length === 1) pairs.set(target, claimants[0]!);
  return pairs;
}

function toQuestions(keys: Iterable<string>): Question[] {
  return [...new Set(keys)].map(toQuestion).filter((question) => question.words.length >= MIN_WORDS);
}

interface Question {
  key: string;
  words: readonly string[];
  vocabulary: ReadonlySet<string>;
  allowed: number;
}

function toQuestion(key: string): Question {
  const words = wordsOf(key);
  return { key, words, vocabulary: new Set(words), allowed: Math.min(MAX_EDITS, Math.floor(words.length * EDITS_PER_WORD)) };
}

/** The key of the one template question these words are close to (the same, or a few edits away); else undefined. */
function onlyCloseQuestion(key: string, questions: readonly Question[]): string | undefined {
  const words = wordsOf(key);
  if (words.length < MIN_WORDS) return undefined;
  let found: string | undefined;
  for (const question of questions) {
    if (!isCloseTo(question, words)) continue;
    if (found !== undefined) return undefined;
    found = question.key;
  }
  return found;
}

/** The same words, or at most one edit in five (three at most) away. */
function isCloseTo(question: Question, words: readonly string[]): boolean {
  if (Math.abs(question.words.length - words.length) > question.allowed) return false;
  // Each edit removes at most one shared word: a cheap bound before the distance itself.
  let shared = 0;
  for (const word of words) if (question.vocabulary.has(word)) shared++;
  if (shared < Math.max(words.length, question.words.length) - question.allowed) return false;
  return wordEdits(question.words, words, question.allowed) <= question.allowed;
}

function wordsOf(key: string): string[] {
  return key.split(' ').filter(Boolean);
}
