import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to a misspelt word, when one is near enough to be what was meant: the one
 * closest-name helper, for section names, configuration keys, rule ids, template names and options.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const best = candidates.map((candidate) => ({ candidate, score: distance(word, candidate) })).sort((a, b) => a.score - b.score)[0];
  return best && best.score <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}
