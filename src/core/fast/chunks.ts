import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { wrapRule } from './rules.js';

/**
 * A long document read a stretch at a time. markdown-it keeps every token of a document until its
 * parse ends: 50,000 headings make 300,000 block tokens (about 100 MB), which the garbage collector
 * copies again and again while they live. Read in chunks, each chunk's tokens are handed on and
 * dropped young.
 *
 * A chunk ends before a top-level ATX heading (`## …` at the start of a line) that the caller
 * offers as a boundary; the chunk's blocks are then exactly the whole parse's, because an ATX
 * heading at column 0 ends every block before it except those that run to their own end marker
 * (fenced code, HTML blocks) or over it in some other way. So a chunk's last block is trusted
 * only when it ends before the boundary, or is a paragraph, heading or rule (which such a heading
 * always ends); otherwise that block and the rest of the document are read in one piece.
 * Link reference definitions hold for the whole document: the caller offers no boundaries when
 * the document may have one.
 */
export interface ChunkedEnv {
  /** 0-based lines, ascending, each a top-level ATX heading at column 0, where a chunk may end. */
  boundaries: readonly number[];
  /** Gets each chunk's tokens, in order, after the core rules that follow the block parse. */
  consume: (tokens: Token[]) => void;
}

/** Lines a chunk holds at least, before its next boundary. */
export const CHUNK_LINES = 2000;

type CoreRule = (state: StateCore) => void;

// The kinds of top-level block that an ATX heading at column 0 always ends.
const ENDED_BY_A_HEADING = new Set(['paragraph_open', 'heading_open', 'hr']);

/** Replaces markdown-it's block step with one that reads in chunks when the env asks for it. */
export function readInChunks(md: MarkdownIt, chunkLines: number): void {
  wrapRule<CoreRule>(md.core.ruler, 'block', (block) => {
    const blockInChunks: CoreRule = (state) => {
      const env = state.env as Partial<ChunkedEnv>;
      if (state.inlineMode || !env.boundaries || !env.consume) {
        block(state);
        return;
      }
      const rules = md.core.ruler.getRules('') as CoreRule[];
      const after = rules.slice(rules.indexOf(blockInChunks) + 1);
      for (const tokens of chunks(state, env.boundaries, chunkLines)) {
        const chunk = new md.core.State(state.src, md, state.env);
        chunk.tokens = tokens;
        for (const rule of after) rule(chunk);
        env.consume(tokens);
      }
    };
    return blockInChunks;
  });
}

/** The block tokens of the document, a chunk at a time. */
function* chunks(core: StateCore, boundaries: readonly number[], chunkLines: number): Generator<Token[]> {
  const { md } = core;
  const state = new md.block.State(core.src, md, core.env, []);
  const end = state.lineMax;
  let start = 0;
  let next = 0;
  while (start < end) {
    while (next < boundaries.length && boundaries[next]! < start + chunkLines) next++;
    const stop = next < boundaries.length ? boundaries[next]! : end;
    state.tokens = [];
    state.line = start;
    md.block.tokenize(state, start, stop);
    const tokens = state.tokens;
    const last = lastTopLevel(tokens);
    if (stop < end && last >= 0 && tokens[last]!.map![1] >= stop && !ENDED_BY_A_HEADING.has(tokens[last]!.type)) {
      // The last block may go on past the boundary: it is read again with the rest, in one piece.
      yield tokens.slice(0, last);
      start = tokens[last]!.map![0];
      next = boundaries.length;
      continue;
    }
    yield tokens;
    start = stop;
  }
}

/**
 * The position of the last block at the top level (its opening token, or the token itself), by
 * nesting: a table's cell tokens, made anew (tables.ts), do not carry their level.
 */
function lastTopLevel(tokens: readonly Token[]): number {
  let last = -1;
  let depth = 0;
  tokens.forEach((token, at) => {
    if (depth === 0 && token.map) last = at;
    depth += token.nesting;
  });
  return last;
}
