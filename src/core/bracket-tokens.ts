import { htmlTagNames } from 'html-tag-names';

/**
 * Bracket placeholders: `<your name>`, `{justification}`. Angle and curly brackets also write
 * HTML, generics, command-line syntax, include paths, JSON and format strings, so a bracket
 * token counts only where it looks like a blank left to fill:
 * - it is one of the template's own tokens (`<role>`, `{title of option 1}`, matched by its
 *   leading words, so a half-filled `because {justification}` counts too);
 * - it reads as words (`<describe the change>`), in a bracket style the template uses or in
 *   angle brackets, which the `<placeholder>` token stands for;
 * - it is the whole of a form line (`<owner> <team>`, `- <test>: <link>`, `Owner: <name>`).
 * Never an HTML element, a token glued to other text (`Vec<T>`, `HugePage-<size>`,
 * `{<name>}`), one after a command-line flag (`--limit <n>`), or one inside a quoted string.
 */

export type BracketStyle = 'angle' | 'curly';

export interface BracketToken {
  index: number;
  text: string;
}

/** What the template's own bracket tokens say, for recognising them in a spec. */
export interface TemplateBrackets {
  /** The template's tokens as written, which count wherever a spec repeats them. */
  exact: readonly string[];
  /** Their leading words (`justification` for `{justification. e.g., …}`), lower case, by style. */
  heads: ReadonlyMap<BracketStyle, ReadonlySet<string>>;
}

const HTML_ELEMENTS: ReadonlySet<string> = new Set(htmlTagNames);
const BRACKETS: Record<BracketStyle, { open: string; close: string }> = {
  angle: { open: '<', close: '>' },
  curly: { open: '{', close: '}' },
};

// A name a form asks for: `role`, `service-name`, `PAGE_SIZE`.
const ONE_WORD = /^\p{L}[\p{L}\p{N}_-]*$/u;
// Two words or more, in prose: `your name`, `describe the change, e.g., …`.
const WORDY = /^\p{L}[\p{L}\p{N}'’-]*(?:[ ,;.]+[\p{L}\p{N}…][\p{L}\p{N}'’.…-]*)*(?:\s*(?:…|\.\.\.))?$/u;
// Characters that glue a bracket to a word, path, format or other bracket.
const GLUE_BEFORE = /[\p{L}\p{N}_\-/.{}[\]<>=@#$%&+~\\]/u;
const GLUE_AFTER = /[\p{L}\p{N}_\-/{}[\]<>=@#$%&+~(]/u;
// `--limit <n>`, `-o <file>`, `--out=<dir>`.
const FLAG_BEFORE = /(?:^|\s)--?[\p{L}\p{N}][\p{L}\p{N}_-]*[ =]$/u;
// What may stand around tokens on a line that is nothing but a form: list marks, emphasis, code ticks, separators.
const FORM_FILLER = /^[\s\-*+>|:,;.()[\]`_~/—–]*(?:\d+[.)][\s]*)?[\s\-*+>|:,;.()[\]`_~/—–]*$/u;
// `Owner: <name>`: a few plain words and a colon, then the token as the whole value.
const LABEL = /^[\s>*+-]*(?:\d+[.)]\s*)?(?:\[[ xX]\]\s*)?[*_]*\p{L}[\p{L}\p{N} '’/-]{0,40}[*_]*:\s*[*_`]*$/u;

/** Every bracket token of one style on a line (innermost for nested curly braces). */
function candidates(line: string, style: BracketStyle): BracketToken[] {
  const { open, close } = BRACKETS[style];
  const found: BracketToken[] = [];
  let start = -1;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === open && line[index - 1] !== '\\') start = index;
    else if (char === close && start >= 0) {
      found.push({ index: start, text: line.slice(start, index + 1) });
      start = -1;
    }
  }
  return found;
}

function inner(token: string): string {
  return token.slice(1, -1).trim();
}

/** The leading words of a token, before any punctuation: what a half-filled copy keeps. */
export function headOf(token: string): string {
  return (inner(token).split(/[.,:;(|…]/u)[0] ?? '').trim().toLowerCase();
}

// Words that make a phrase prose: no HTML attribute is named after them (`<link to test coverage>`
// is prose, `<input disabled>` a tag), and a tuple of names holds none (`<object name, spec JSON>`).
const FUNCTION_WORDS = /(?:^|\s)(?:a|an|and|as|at|be|by|e\.g\.?|for|from|if|in|is|it|of|on|or|the|this|to|with|your|my|our)(?=[\s,]|$)/iu;

function isHtml(text: string): boolean {
  const first = /^\p{L}[\p{L}\p{N}-]*/u.exec(text)?.[0];
  return first !== undefined && HTML_ELEMENTS.has(first.toLowerCase()) && !FUNCTION_WORDS.test(text);
}

/** `{scheme, host, port}`, `<object name, spec JSON>`: names in a tuple or set, not a blank described in words. */
function isTuple(text: string): boolean {
  return text.includes(',') && !FUNCTION_WORDS.test(text);
}

export function readsAsWords(text: string): boolean {
  return /\s/u.test(text) && WORDY.test(text) && !isTuple(text);
}

/** Inside "…" or “…” on this line: a message format or a quoted string, not a blank. */
export function isQuoted(line: string, index: number): boolean {
  const before = line.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return straight || before.lastIndexOf('“') > before.lastIndexOf('”');
}

function isGlued(line: string, token: BracketToken): boolean {
  const before = line[token.index - 1];
  const after = line[token.index + token.text.length];
  return (before !== undefined && GLUE_BEFORE.test(before)) || (after !== undefined && GLUE_AFTER.test(after));
}

/** The line holds nothing but bracket tokens and filler, or a label and one token. */
function isFormLine(line: string, tokens: readonly BracketToken[], token: BracketToken): boolean {
  let rest = line;
  for (const other of [...tokens].sort((a, b) => b.index - a.index)) rest = rest.slice(0, other.index) + ' ' + rest.slice(other.index + other.text.length);
  if (FORM_FILLER.test(rest)) return true;
  const after = line.slice(token.index + token.text.length);
  return LABEL.test(line.slice(0, token.index)) && /^[\s*_`.]*$/u.test(after);
}

export interface BracketOptions {
  /** Which bracket styles count beyond the template's exact tokens. */
  styles: ReadonlySet<BracketStyle>;
  template: TemplateBrackets;
  /** A block quote holds someone else's words or sample output: only the template's own tokens count there. */
  inBlockQuote?: boolean;
}

/** The bracket placeholders on a line whose code, comments and link destinations are already blanked. */
export function bracketTokens(line: string, options: BracketOptions): BracketToken[] {
  const found: BracketToken[] = [];
  for (const style of options.styles) {
    const tokens = candidates(line, style);
    const heads = options.template.heads.get(style);
    for (const token of tokens) {
      const text = inner(token.text);
      if (text === '' || !/^\p{L}/u.test(text)) continue;
      if (style === 'angle' && isHtml(text)) continue;
      if (isGlued(line, token) || FLAG_BEFORE.test(line.slice(0, token.index)) || isQuoted(line, token.index)) continue;
      const own = heads?.has(headOf(token.text)) ?? false;
      if (own) found.push(token);
      else if (options.inBlockQuote) continue;
      else if (readsAsWords(text) || (ONE_WORD.test(text) && isFormLine(line, tokens, token))) found.push(token);
    }
  }
  return found;
}

/**
 * The bracket tokens a template writes in its guidance (fenced code left out): angle tokens
 * that name something (`<role>`, not `<br>`) and curly ones that start with a word.
 */
export function templateBrackets(markdown: string): TemplateBrackets {
  const prose = markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gmu, '');
  const exact = new Set<string>();
  const heads = new Map<BracketStyle, Set<string>>([
    ['angle', new Set()],
    ['curly', new Set()],
  ]);
  for (const line of prose.split('\n')) {
    for (const token of candidates(line, 'angle')) {
      const text = inner(token.text);
      if (!/^\p{L}[\p{L}\p{N} _.-]*$/u.test(text) || isHtml(text) || isGlued(line, token)) continue;
      exact.add(token.text);
      heads.get('angle')!.add(headOf(token.text));
    }
    for (const token of outerCurly(line)) {
      if (!/^\p{L}/u.test(inner(token))) continue;
      exact.add(token);
      heads.get('curly')!.add(headOf(token));
    }
  }
  for (const set of heads.values()) set.delete('');
  return { exact: [...exact], heads };
}

/** Outermost `{…}` groups: MADR nests `{force}` inside `{justification … {force} …}`. */
function outerCurly(line: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '{' && line[index - 1] !== '\\') {
      if (depth === 0) start = index;
      depth++;
    } else if (line[index] === '}' && depth > 0 && --depth === 0) {
      groups.push(line.slice(start, index + 1));
    }
  }
  return groups;
}
