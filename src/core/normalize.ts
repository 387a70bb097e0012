/**
 * Text normalisation shared by heading matching and guidance comparison. Authors number,
 * decorate and re-punctuate headings; none of that changes which section they mean.
 */

const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{S}\u200b-\u200d\u20e3\ufe0e\ufe0f]/gu;
/**
 * A requirement mark at the end (or start) of a template heading: `(optional)`, the older KEP
 * `[optional]`, spec-kit's `*(mandatory)*` and `*(include if …)*` (emphasis is gone from
 * heading text), `(if applicable)`, `(required)`.
 */
const MARK_WORDS = String.raw`optional\b[^)\]]*|mandatory|required|if applicable|include (?:only )?(?:if|when)\b[^)\]]*|only (?:if|when)\b[^)\]]*`;
const TRAILING_MARK = new RegExp(String.raw`\s*[(\[]\s*(${MARK_WORDS})\s*[)\]]\s*$`, 'iu');
const LEADING_MARK = new RegExp(String.raw`^\s*[(\[]\s*(${MARK_WORDS})\s*[)\]]\s*`, 'iu');
// 1.  2)  1.2  1.2.3.  A.  b)  IV.  and a bare number before the words ("3 Rollout").
const NUMBERING = /^(?:(?:\d+(?:\.\d+)*|[a-z]|[ivxlcdm]+)[.)]|\d+(?:\.\d+)+|\d+)\s+/u;
const TRAILING_PUNCTUATION = /[\s:?.!#]+$/u;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

// ASCII text is its own NFKC form, and most text is ASCII: looking for one other character costs half of normalising.
// Any character outside TAB..'~' sends the text through NFKC (control characters too: they are rare, and unchanged by it).
const NON_ASCII = /[^\t-~]/;

/** Text in NFKC form (full-width letters, ligatures and compatibility characters as their plain ones). */
export function nfkc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

/** The requirement mark a heading carries (`(Optional)`, `(mandatory)`, `(include if …)`), as written. */
export function requirementMark(text: string): { mark: string; optional: boolean } | undefined {
  const normalised = nfkc(text);
  const found = TRAILING_MARK.exec(normalised) ?? LEADING_MARK.exec(normalised);
  if (!found) return undefined;
  const words = found[1]!.toLowerCase();
  return { mark: found[0].trim(), optional: !(words === 'mandatory' || words === 'required') };
}

/** A heading without its requirement mark, as the template spells it. */
export function withoutRequirementMark(text: string): string {
  const normalised = nfkc(text);
  return normalised.replace(TRAILING_MARK, '').replace(LEADING_MARK, '').trim();
}

/**
 * The key two headings share when they name the same section:
 * `## 2) **Context & Goal:** 🎯` and `## context and goal` both give `context and goal`.
 */
export function headingKey(text: string): string {
  const ascii = ASCII.test(text);
  // ASCII text is its own NFKC form.
  let key = withoutRequirementMark((ascii ? text : text.normalize('NFKC')).toLowerCase().replace(ascii ? DECORATION_ASCII : DECORATION, ' '));
  key = key.replace(NUMBERING, '');
  key = key.replace(TRAILING_PUNCTUATION, '');
  key = key.replace(/&/g, ' and ');
  return key.replace(ascii ? NON_WORD_ASCII : NON_WORD, ' ').trim();
}

// Plain ASCII needs no Unicode normalisation and no Unicode classes: the common case, kept cheap.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included, on purpose
const ASCII = /^[\x00-\x7f]*$/u;
const NON_WORD_ASCII = /[^a-z0-9]+/g;

// The ASCII characters DECORATION takes (`$+<=>^`|~`), found by asking it: the same answer, without Unicode classes.
const DECORATION_ASCII = new RegExp(
  `[${Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code))
    .filter((char) => new RegExp(DECORATION.source, 'u').test(char))
    .map((char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .join('')}]`,
  'g',
);

/** Prose reduced to its words, for comparing an author's text with the template's guidance. */
export function proseKey(text: string): string {
  // In ASCII the only letters are a-z once lower case, the only digits 0-9, and there are no marks.
  if (ASCII.test(text)) return text.toLowerCase().replace(NON_WORD_ASCII, ' ').trim();
  return text.normalize('NFKC').toLowerCase().replace(NON_WORD, ' ').trim();
}

// What a character is to a word: 1 starts one (a letter or digit), 2 only goes on with one (a mark, `'`, `’`, `_`, `-`), 0 ends one.
const STARTS_WORD = /[\p{L}\p{N}]/u;
const GOES_ON = /[\p{M}'’_-]/u;
const ASCII_KIND = Uint8Array.from({ length: 0x80 }, (_, code) => kindOf(String.fromCharCode(code)));

function kindOf(char: string): number {
  return STARTS_WORD.test(char) ? 1 : GOES_ON.test(char) ? 2 : 0;
}

/**
 * Words a reader would count: runs of letters or digits, as matching
 * /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]* /gu counts them, by hand: a word starts at a letter or digit
 * outside a word and goes on over letters, digits, marks, `'`, `’`, `_` and `-`.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let kind: number;
    if (code < 0x80) kind = ASCII_KIND[code]!;
    else {
      // Rare outside ASCII: one code point (a surrogate pair is one), asked of the Unicode classes.
      const point = text.codePointAt(at)!;
      if (point > 0xffff) at++;
      kind = kindOf(String.fromCodePoint(point));
    }
    if (kind === 1) {
      if (!inWord) words++;
      inWord = true;
    } else if (kind === 0) inWord = false;
  }
  return words;
}
