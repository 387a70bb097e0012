/**
 * Placeholder tokens: the marks authors leave where text is still to come.
 * Each configured token is a literal, matched case-sensitively as a whole word. Two forms
 * stand for a family of tokens: `<placeholder>` means any `<role>`-style angle-bracket token,
 * and a token that opens a `[` without closing it (`[NEEDS CLARIFICATION`) runs to the `]`.
 */

export const DEFAULT_PLACEHOLDERS: readonly string[] = ['TBD', 'TODO', 'FIXME', '???', '<placeholder>', '[NEEDS CLARIFICATION'];

export const ANGLE_TOKEN = '<placeholder>';

// Real HTML in markdown is markup, not a placeholder.
const HTML_ELEMENTS = new Set(
  ('a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol p picture pre q rp rt ruby s ' +
    'samp section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr ' +
    // Printed values, not blanks to fill.
    'nil null none empty')
    .split(' '),
);

const WORD_CHAR = /[\p{L}\p{N}_]/u;
// `<role>`, `<your name>`, `<service-name>`: letters first, no attributes, no URL, two characters at least;
// never glued to a word before it, so generics like `Vec<T>` and `HashMap<K, V>` stay code.
const ANGLE_PATTERN = String.raw`(?<![\p{L}\p{N}_<])<(\p{L}[\p{L}\p{N} _.-]*[\p{L}\p{N}])>`;

export interface PlaceholderMatcher {
  /**
   * Every placeholder token in a line of markdown, in order. Inside `inline code` only the
   * template's own tokens count: elsewhere `<expr>` or `FIXME` in backticks is code being discussed.
   * @param inlineCode where the line's inline code is, as [start, end) indices, when the parser
   * knows (a code span may open on one line and close on the next); by default, its backtick pairs
   */
  find(markdownLine: string, inlineCode?: ReadonlyArray<readonly [number, number]>): string[];
  /** The text with every placeholder token removed. */
  strip(text: string): string;
}

/**
 * @param tokens the configured tokens
 * @param templateTokens tokens the template itself writes (`<role>`), which count even in inline code
 */
export function placeholderMatcher(tokens: readonly string[], templateTokens: readonly string[] = []): PlaceholderMatcher {
  const general = compile(tokens.map((token) => (token === ANGLE_TOKEN ? ANGLE_PATTERN : literalPattern(token))));
  const own = compile(templateTokens.map(literalPattern));
  return {
    find(markdownLine, inlineCode) {
      const masked = inlineCode ? blank(markdownLine, inlineCode) : markdownLine.replace(INLINE_CODE, (span) => ' '.repeat(span.length));
      const owned = matches(own, markdownLine);
      // Outside code, the template's `<role>` is also an angle token: one token, found once.
      const others = matches(general, masked).filter((match) => !owned.some((mine) => overlaps(mine, match)));
      return [...owned, ...others].sort((a, b) => a.index - b.index).map((match) => match.text);
    },
    strip(text) {
      return [own, general].reduce((rest, pattern) => (pattern ? rest.replace(pattern, (...args: unknown[]) => (isToken(args.slice(0, -2)) ? ' ' : String(args[0]))) : rest), text);
    },
  };
}

/** The `<role>`-style tokens a template writes, which then count wherever a spec repeats them. */
export function angleTokensIn(markdown: string): string[] {
  const found = [...markdown.matchAll(new RegExp(ANGLE_PATTERN, 'gu'))].filter((match) => isToken([...match]));
  return [...new Set(found.map((match) => match[0]))];
}

const INLINE_CODE = /(`+)(?:[^`]|`(?!\1))*?\1/g;

/** The text with each [start, end) range turned to spaces, so what is left keeps its indices. */
export function blank(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let result = text;
  for (const [start, end] of ranges) {
    const from = Math.max(0, start);
    const to = Math.min(result.length, end);
    if (to > from) result = result.slice(0, from) + ' '.repeat(to - from) + result.slice(to);
  }
  return result;
}

function compile(alternatives: string[]): RegExp | undefined {
  return alternatives.length === 0 ? undefined : new RegExp(alternatives.join('|'), 'gu');
}

function matches(pattern: RegExp | undefined, text: string): Array<{ index: number; text: string }> {
  if (!pattern) return [];
  return [...text.matchAll(pattern)].filter((match) => isToken([...match])).map((match) => ({ index: match.index ?? 0, text: match[0] }));
}

function overlaps(a: { index: number; text: string }, b: { index: number; text: string }): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/** A match of the angle pattern is a placeholder unless it names a real HTML element. */
function isToken(match: unknown[]): boolean {
  const angle = match.slice(1).find((group): group is string => typeof group === 'string');
  return angle === undefined || !HTML_ELEMENTS.has(angle.toLowerCase());
}

function literalPattern(token: string): string {
  const escaped = token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const opensBracket = token.startsWith('[') && !token.includes(']');
  // `???` after a word is emphasis ("Really???"), not a blank to fill: punctuation tokens stand alone too.
  const before = WORD_CHAR.test(token.charAt(0)) || !/[\p{L}\p{N}]/u.test(token) ? String.raw`(?<![\p{L}\p{N}_])` : '';
  const after = opensBracket ? String.raw`[^\]\n]*\]?` : WORD_CHAR.test(token.charAt(token.length - 1)) ? String.raw`(?![\p{L}\p{N}_])` : '';
  return before + escaped + after;
}
