import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { CHUNK_LINES, readInChunks } from './chunks.js';
import { footnoteCall, footnoteDefinition } from './footnotes.js';
import { headingOrigins, taskChecks } from './gfm.js';
import { codeValue } from './inline.js';
import { setOrigin, type Span } from './positions.js';
import { wrapRule, type BlockRule, type InlineRule } from './rules.js';
import { strikethroughPostProcess, strikethroughTokenize } from './strikethrough.js';
import { tableCells } from './tables.js';

/**
 * The hot path's markdown parser: markdown-it (CommonMark, linear on pathological input), set up
 * to read markdown as micromark with the GFM extensions does (src/core/reference.ts is the
 * reference): raw HTML on, GFM tables, strikethrough with one or two tildes, footnotes in place,
 * link definitions kept as tokens, and the source range of every code span and inline HTML.
 */

/**
 * markdown-it nests lists and quotes by recursion, and past this many levels (a list counts two, a
 * quote one) it stops reading their content; far deeper, the call stack would overflow. A document
 * that nests this deep is reported as too complex instead of read wrong (real specs nest < 20).
 */
export const MAX_NESTING = 200;


/** @param chunkLines lines a chunk holds at least when the parse is asked to read in chunks (see chunks.ts) */
export function createParser(chunkLines = CHUNK_LINES): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  (md.options as { maxNesting: number }).maxNesting = MAX_NESTING;
  md.disable(['strikethrough', 'linkify', 'replacements', 'smartquotes']);
  md.inline.ruler.before('emphasis', 'gfm_strikethrough', strikethroughTokenize);
  md.inline.ruler2.before('emphasis', 'gfm_strikethrough', strikethroughPostProcess);
  md.block.ruler.before('reference', 'gfm_footnote_definition', footnoteDefinition, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.after('image', 'gfm_footnote_call', footnoteCall);
  keepDefinitions(md);
  recordSpans(md, 'backticks');
  recordSpans(md, 'html_inline');
  md.inline.ruler.at('newline', newline);
  recordSpans(md, 'newline');
  labelSpans(md);
  for (const name of ['link', 'image']) wrapRule<InlineRule>(md.inline.ruler, name, unclosedBracketsFail);
  rawAutolinks(md);
  linksUnnormalised(md);
  indentedCodeStarts(md);
  trackIndents(md);
  for (const name of ['table', 'fence', 'blockquote', 'hr', 'list', 'html_block', 'heading', 'gfm_footnote_definition']) wrapRule<BlockRule>(md.block.ruler, name, notFromLazyCode);
  for (const name of ['paragraph', 'lheading']) wrapRule<BlockRule>(md.block.ruler, name, keepIndent);
  tableCells(md);
  taskChecks(md);
  headingOrigins(md);
  readInChunks(md, chunkLines);
  normaliseOnlyWhenNeeded(md);
  return md;
}

/**
 * markdown-it's first step rewrites `\r\n` and `\r` to `\n` and NUL to U+FFFD by a replace over
 * the whole text, every `\n` included; the text parseSpec hands it has neither, most of the time.
 */
function normaliseOnlyWhenNeeded(md: MarkdownIt): void {
  wrapRule<(state: StateCore) => void>(md.core.ruler, 'normalize', (normalize) => (state) => {
    if (/[\r\0]/.test(state.src)) normalize(state);
  });
}

/** markdown-it drops link definitions; mdast keeps them as blocks, which the tree needs. */
function keepDefinitions(md: MarkdownIt): void {
  wrapRule<BlockRule>(md.block.ruler, 'reference', (reference) => (state, startLine, endLine, silent) => {
    if (!reference(state, startLine, endLine, silent)) return false;
    if (!silent) state.push('definition', '', 0).map = [startLine, state.line];
    return true;
  });
}

/** The inline rule records where the token it pushes starts and ends in the inline content. */
function recordSpans(md: MarkdownIt, name: string): void {
  wrapRule<InlineRule>(md.inline.ruler, name, (rule) => (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    if (!rule(state, silent)) return false;
    const token = state.tokens[state.tokens.length - 1];
    if (silent || state.tokens.length === count || !token) return true;
    (token.meta as Span | null) = { start, end: state.pos };
    if (token.type === 'code_inline') token.content = codeValue(state.src.slice(start + token.markup.length, state.pos - token.markup.length));
    return true;
  });
}

// A URL that may, once normalised, start with a scheme markdown-it refuses (`javascript:`, `data:` and the like).
const MAY_BE_REFUSED = /(?:script|file|data):/i;

/**
 * No link's address is read here, only whether markdown-it takes it as a link: a URL is
 * normalised (parsed, punycoded, percent-encoded) only where that could change the answer.
 * Normalising adds escapes and never spells a scheme, so one without those words passes as before.
 */
function linksUnnormalised(md: MarkdownIt): void {
  const { normalizeLink, validateLink } = md;
  md.normalizeLink = (url) => url;
  // An autolink's text is replaced by its URL as written (rawAutolinks): no need to work it out.
  md.normalizeLinkText = (url) => url;
  md.validateLink = (url) => !MAY_BE_REFUSED.test(url) || validateLink(normalizeLink(url));
}

/** An autolink's text is its URL as written (markdown-it would percent-decode it for display). */
function rawAutolinks(md: MarkdownIt): void {
  wrapRule<InlineRule>(md.inline.ruler, 'autolink', (rule) => (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    if (!rule(state, silent)) return false;
    // Pending text goes out first: the link's text is the token after its link_open.
    let open = count;
    while (open < state.tokens.length && state.tokens[open]!.type !== 'link_open') open++;
    const text: Token | undefined = state.tokens[open + 1];
    if (!silent && text?.type === 'text') text.content = state.src.slice(start + 1, state.pos - 1);
    return true;
  });
}


/**
 * A line ending in inline content, as micromark reads it: the spaces and tabs before it are not
 * text, and two spaces or more (no tab) make a hard break; the indent after it is not text either.
 */
function newline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x0a) return false;
  if (!silent) {
    const pending = state.pending;
    let keep = pending.length;
    while (keep > 0 && (pending.charCodeAt(keep - 1) === 0x20 || pending.charCodeAt(keep - 1) === 0x09)) keep--;
    const suffix = pending.slice(keep);
    state.pending = pending.slice(0, keep);
    state.push(suffix.length >= 2 && !suffix.includes('\t') ? 'hardbreak' : 'softbreak', 'br', 0);
  }
  let pos = state.pos + 1;
  while (pos < state.posMax && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09)) pos++;
  state.pos = pos;
  return true;
}

/** An image's label is parsed as a string of its own: its tokens' spans are moved to where the label sits. */
function labelSpans(md: MarkdownIt): void {
  wrapRule<InlineRule>(md.inline.ruler, 'image', (rule) => (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    if (!rule(state, silent)) return false;
    const image = state.tokens[state.tokens.length - 1];
    if (!silent && state.tokens.length > count && image?.type === 'image') shiftSpans(image.children ?? [], start + 2);
    return true;
  });
}

function shiftSpans(tokens: readonly Token[], by: number): void {
  for (const token of tokens) {
    const span = token.meta as Span | null;
    if (span && typeof span.start === 'number') token.meta = { start: span.start + by, end: span.end + by };
    if (token.type === 'image') shiftSpans(token.children ?? [], by);
  }
}

/** Where indented code starts for mdast: at its container's content column, its own indent inside it. */
function indentedCodeStarts(md: MarkdownIt): void {
  wrapRule<BlockRule>(md.block.ruler, 'code', (rule) => (state, startLine, endLine, silent) => {
    const count = state.tokens.length;
    if (!rule(state, startLine, endLine, silent)) return false;
    const code = state.tokens[count];
    if (!silent && code) {
      const lineStart = state.src.lastIndexOf('\n', state.bMarks[startLine]! - 1) + 1;
      let pos = state.bMarks[startLine]!;
      for (let width = 0; width < state.blkIndent && (state.src[pos] === ' ' || state.src[pos] === '\t'); pos++) width += state.src[pos] === '\t' ? 4 - (width % 4) : 1;
      code.meta = { column: pos - lineStart };
    }
    return true;
  });
}

/**
 * A `[` with no `]` after it opens no link: said at once. markdown-it would scan to the end of the
 * content for each one, so 100,000 `[` cost 100,000 squared.
 */
function unclosedBracketsFail(rule: InlineRule): InlineRule {
  const lastClose = new WeakMap<StateInline, number>();
  return (state, silent) => {
    // Every inline rule is tried at every markup character: only a `[` or `!` needs the look.
    const code = state.src.charCodeAt(state.pos);
    if (code !== 0x5b && code !== 0x21) return false;
    let close = lastClose.get(state);
    if (close === undefined) lastClose.set(state, (close = state.src.lastIndexOf(']')));
    if (close < state.pos) return false;
    return rule(state, silent);
  };
}

/** The content column of each container being read, outermost first (markdown-it reads nested blocks by recursion). */
const indents: number[] = [];

function trackIndents(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    indents.push(state.blkIndent);
    try {
      tokenize(state, startLine, endLine);
    } finally {
      indents.pop();
    }
  };
}

/**
 * A line indented less than the list item it follows is lazy: it starts a block only where the
 * items it does continue leave it, and there four columns more make it indented code, which
 * cannot interrupt a paragraph. markdown-it measures it against the innermost item instead, so
 * `11.  text` then `    ```go` would end the list.
 */
function notFromLazyCode(rule: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const indent = state.sCount[startLine]!;
    if (silent && indent < state.blkIndent) {
      const continued = indents.filter((column) => column <= indent).pop() ?? 0;
      if (indent - continued >= 4) return false;
    }
    return rule(state, startLine, endLine, silent);
  };
}

/** A paragraph in a list item remembers the items' content columns: its lazy lines lost their indent to markdown-it. */
function keepIndent(rule: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const count = state.tokens.length;
    if (!rule(state, startLine, endLine, silent)) return false;
    const inline = state.tokens[count + 1];
    if (!silent && state.blkIndent > 0 && inline?.type === 'inline') setOrigin(inline, { kind: 'lines', firstLine: startLine, indents: indents.filter((indent) => indent > 0) });
    return true;
  };
}
