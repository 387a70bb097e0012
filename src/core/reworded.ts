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

const MIN_WORDS = 8;
/** One changed word in five, at most three: the edits a template's questions saw, not a new question. */
const EDITS_PER_WORD = 1 / 5;
const MAX_EDITS = 3;

/** True when a section name is a question long enough to be compared by its words. */
export function isLongQuestion(name: string, key: string): boolean {
  return name.trimEnd().endsWith('?') && wordsOf(key).length >= MIN_WORDS;
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
  const pairs = new Map<W, C>();
  if (wanted.length === 0 || candidates.length === 0) return pairs;
  const questions = [...new Set(templateKeys)].map(toQuestion).filter((question) => question.words.length >= MIN_WORDS);
  const wantedByKey = new Map(wanted.map((entry) => [entry.key, entry.item]));
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
  return wordDistance(question.words, words, question.allowed) <= question.allowed;
}

function wordsOf(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/** Levenshtein distance over words, stopping early once it must exceed `limit` (then limit + 1). */
export function wordDistance(a: readonly string[], b: readonly string[], limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
