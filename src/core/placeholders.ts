/**
 * Placeholder tokens: the marks authors leave where text is still to come.
 * Each configured token is a literal, matched case-sensitively as a whole word, with three
 * families:
 * - a token in capitals (`TODO`, `TBD`, `FIXME`, `XXX`) is a marker: it counts where it marks
 *   text (`TODO: x`, `Owner: TBD`, `(TBD)`, a sentence of its own), not where a sentence uses it
 *   as a word ("high on the TODO list"), quotes it ("TBD" behaviour) or a block quote holds it;
 * - `<placeholder>` stands for bracket placeholders (see bracket-tokens.ts);
 * - a token that opens a `[` without closing it (`[NEEDS CLARIFICATION`) runs to the `]`.
 */
import { bracketTokens, isQuoted, templateBrackets, type BracketOptions, type BracketStyle } from './bracket-tokens.js';

export const DEFAULT_PLACEHOLDERS: readonly string[] = ['TBD', 'TODO', 'FIXME', 'XXX', '???', '<placeholder>', '[NEEDS CLARIFICATION'];

export const ANGLE_TOKEN = '<placeholder>';

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const MARKER = /^[A-Z]{2,}$/u;
// A word then a space before the marker, a space then a word (or an aside) after: the marker is a word in a sentence.
const WORD_BEFORE = /\p{L}[\p{L}\p{N}'’]*\s+$/u;
const WORD_AFTER = /^\s+[\p{L}(]/u;
// "the TODO", "our TBD": a noun, whatever follows.
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|your|its|their|any|no|each|every|see)\s+$/iu;
// `![TBD][]`, `[link](<a b>)`, `[x]: <a b>`, `<https://…>`: image alts, link destinations and autolinks are not text to fill.
const NOT_TEXT = [/!\[[^\]]*\]/gu, /\]\([^)]*\)/gu, /^\s*\[[^\]]+\]:\s*\S.*$/gu, /<[a-z][a-z0-9+.-]*:[^<>\s]*>/giu];

export interface LineContext {
  /** The line sits in a block quote: markers there are quoted words, not the author's. */
  inBlockQuote?: boolean;
}

export interface PlaceholderMatcher {
  /**
   * Every placeholder token in a line of markdown, in order. Inside `inline code` only the
   * template's own tokens count: elsewhere `<expr>` or `FIXME` in backticks is code being discussed.
   * @param inlineCode where the line's inline code is, as [start, end) indices, when the parser
   * knows (a code span may open on one line and close on the next); by default, its backtick pairs
   */
  find(markdownLine: string, inlineCode?: ReadonlyArray<readonly [number, number]>, context?: LineContext): string[];
  /** The text with every placeholder token removed. */
  strip(text: string): string;
  /** False when the text holds no token for certain, even with parts of it blanked: a cheap test before `find`. */
  mayHold(text: string): boolean;
}

interface Match {
  index: number;
  text: string;
}

/**
 * @param tokens the configured tokens
 * @param templateMarkdown the template's guidance, whose own bracket tokens (`<role>`, `{justification}`) count even in inline code
 */
export function placeholderMatcher(tokens: readonly string[], templateMarkdown = ''): PlaceholderMatcher {
  const brackets = tokens.includes(ANGLE_TOKEN) ? bracketOptions(templateMarkdown) : undefined;
  const literals = tokens.filter((token) => token !== ANGLE_TOKEN);
  const markers = compile(literals.filter((token) => MARKER.test(token)).map(literalPattern));
  const others = compile(literals.filter((token) => !MARKER.test(token)).map(literalPattern));
  const own = compile((brackets?.template.exact ?? []).map(literalPattern));

  // Every token holds its literal, and a bracket token a `<` or `{`; blanking only takes characters away.
  const candidate = anyOf([...literals, ...(brackets?.template.exact ?? [])], brackets !== undefined);
  const scan = (line: string, inlineCode: ReadonlyArray<readonly [number, number]> | undefined, context: LineContext): Match[] => {
    // Most lines hold no token: one test before any blanking.
    if (!candidate.test(line)) return [];
    const visible = /\]\(|!\[|\]:|<[a-z]/iu.test(line) ? blank(line, notTextRanges(line)) : line;
    // Code is hidden but not nothing: a line of code and one token is not a form left blank.
    const masked = inlineCode ? blank(visible, inlineCode, CODE) : visible.replace(INLINE_CODE, (span) => CODE.repeat(span.length));
    const found = matches(own, visible);
    const add = (match: Match): void => {
      if (!found.some((mine) => overlaps(mine, match))) found.push(match);
    };
    matches(others, masked).forEach(add);
    if (!context.inBlockQuote) matches(markers, masked).filter((match) => marks(masked, match)).forEach(add);
    if (brackets && /[<{]/u.test(masked)) bracketTokens(masked, { ...brackets, inBlockQuote: context.inBlockQuote === true }).forEach(add);
    return found.sort((a, b) => a.index - b.index);
  };

  return {
    find(markdownLine, inlineCode, context = {}) {
      return scan(markdownLine, inlineCode, context).map((match) => match.text);
    },
    mayHold(text) {
      return candidate.test(text);
    },
    strip(text) {
      if (!candidate.test(text)) return text;
      return text
        .split('\n')
        .map((line) => scan(line, [], {}).reduceRight((rest, match) => rest.slice(0, match.index) + ' ' + rest.slice(match.index + match.text.length), line))
        .join('\n');
    },
  };
}

function bracketOptions(templateMarkdown: string): BracketOptions {
  const template = templateBrackets(templateMarkdown);
  const styles = new Set<BracketStyle>(['angle']);
  // Curly braces are JSON, sets and format strings unless the template writes its blanks that way.
  if ((template.heads.get('curly')?.size ?? 0) > 0) styles.add('curly');
  return { styles, template };
}

/** A marker marks text unless the sentence uses it as a word or quotes it. */
function marks(line: string, match: Match): boolean {
  const before = line.slice(0, match.index);
  const after = line.slice(match.index + match.text.length);
  if (isQuoted(line, match.index) || /^["”]/u.test(after)) return false;
  if (ARTICLE_BEFORE.test(before) || definesAcronym(before, after, match.text)) return false;
  return !(WORD_BEFORE.test(before) && WORD_AFTER.test(after));
}

/**
 * `"To Be Determined" (TBD)`: the text defines the marker as a term of its own, spelled out in
 * the words just before the parentheses, and goes on to use it as a word.
 */
function definesAcronym(before: string, after: string, marker: string): boolean {
  if (!/^\s*\)/u.test(after)) return false;
  const opening = /\(\s*$/u.exec(before);
  if (!opening) return false;
  const words = before.slice(0, opening.index).replace(/["“”'‘’*_]/gu, ' ').trim().split(/\s+/u).slice(-marker.length);
  // Capitalised as a name ("To Be Determined"): "the date is to be decided (TBD)" still marks a blank.
  return words.length === marker.length && words.map((word) => word[0] ?? '').join('') === marker;
}

function notTextRanges(line: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const pattern of NOT_TEXT) {
    for (const match of line.matchAll(pattern)) {
      const index = match.index ?? 0;
      // Keep the `](` and `)` so brackets around a destination still look glued to something.
      ranges.push(match[0].startsWith('](') ? [index + 2, index + match[0].length - 1] : [index, index + match[0].length]);
    }
  }
  return ranges;
}

const INLINE_CODE = /(`+)(?:[^`]|`(?!\1))*?\1/g;
const CODE = '\u0001';

/** The text with each [start, end) range turned to spaces (or `fill`), so what is left keeps its indices. */
export function blank(text: string, ranges: ReadonlyArray<readonly [number, number]>, fill = ' '): string {
  let result = text;
  for (const [start, end] of ranges) {
    const from = Math.max(0, start);
    const to = Math.min(result.length, end);
    if (to > from) result = result.slice(0, from) + fill.repeat(to - from) + result.slice(to);
  }
  return result;
}

/** A test for any of the literals (or any `<` or `{`) anywhere: what a text needs before it can hold a token. */
function anyOf(literals: readonly string[], brackets: boolean): RegExp {
  // An empty token is found anywhere; with nothing to look for, the pattern never matches.
  if (literals.includes('')) return /(?:)/u;
  const alternatives = literals.map(escape);
  if (brackets) alternatives.push('[<{]');
  return new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'u');
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compile(alternatives: string[]): RegExp | undefined {
  return alternatives.length === 0 ? undefined : new RegExp(alternatives.join('|'), 'gu');
}

function matches(pattern: RegExp | undefined, text: string): Match[] {
  if (!pattern) return [];
  // Most lines hold no token: one test before collecting.
  pattern.lastIndex = 0;
  const any = pattern.test(text);
  // `matchAll` starts where `test` stopped.
  pattern.lastIndex = 0;
  if (!any) return [];
  return [...text.matchAll(pattern)].map((match) => ({ index: match.index ?? 0, text: match[0] }));
}

function overlaps(a: Match, b: Match): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

function literalPattern(token: string): string {
  const escaped = escape(token);
  const opensBracket = token.startsWith('[') && !token.includes(']');
  // `???` after a word is emphasis ("Really???"), not a blank to fill: punctuation tokens stand alone too.
  const before = WORD_CHAR.test(token.charAt(0)) || !/[\p{L}\p{N}]/u.test(token) ? String.raw`(?<![\p{L}\p{N}_])` : '';
  const after = opensBracket ? String.raw`[^\]\n]*\]?` : WORD_CHAR.test(token.charAt(token.length - 1)) ? String.raw`(?![\p{L}\p{N}_])` : '';
  return before + escaped + after;
}
