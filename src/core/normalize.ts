/**
 * Text normalisation shared by heading matching and guidance comparison. Authors number,
 * decorate and re-punctuate headings; none of that changes which section they mean.
 */

const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{S}\u200b-\u200d\u20e3\ufe0e\ufe0f]/gu;
const OPTIONAL_MARK = /\(\s*optional\s*\)\s*$/u;
// 1.  2)  1.2  1.2.3.  A.  b)  IV.  and a bare number before the words ("3 Rollout").
const NUMBERING = /^(?:(?:\d+(?:\.\d+)*|[a-z]|[ivxlcdm]+)[.)]|\d+(?:\.\d+)+|\d+)\s+/u;
const TRAILING_PUNCTUATION = /[\s:?.!#]+$/u;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/** Marks a heading as optional in a template: `## Alternatives (Optional)`. */
export function isOptionalHeading(text: string): boolean {
  return OPTIONAL_MARK.test(text.normalize('NFKC').toLowerCase().trim());
}

/** A heading without its `(optional)` mark, as the template spells it. */
export function withoutOptionalMark(text: string): string {
  return text.replace(/\s*\(\s*optional\s*\)\s*$/iu, '').trim();
}

/**
 * The key two headings share when they name the same section:
 * `## 2) **Context & Goal:** 🎯` and `## context and goal` both give `context and goal`.
 */
export function headingKey(text: string): string {
  let key = text.normalize('NFKC').toLowerCase().replace(DECORATION, ' ').trim();
  key = key.replace(OPTIONAL_MARK, '').trim();
  key = key.replace(NUMBERING, '');
  key = key.replace(TRAILING_PUNCTUATION, '');
  key = key.replace(/&/g, ' and ');
  return key.replace(NON_WORD, ' ').trim();
}

/** Prose reduced to its words, for comparing an author's text with the template's guidance. */
export function proseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NON_WORD, ' ').trim();
}

/** Words a reader would count: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu)?.length ?? 0;
}
