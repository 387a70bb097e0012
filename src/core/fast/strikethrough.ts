import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * GFM strikethrough as micromark-extension-gfm-strikethrough reads it: a run of one or two
 * tildes opens or closes (by the same flanking rules as `*`), a closer matches only an opener of
 * its own length, and three or more tildes are text. markdown-it's own rule knows `~~` only.
 * A matched pair's tildes become `s_open`/`s_close`: no text; an unmatched run stays text.
 */
const TILDE = 0x7e;
// balance_pairs matches delimiters of the same marker: one marker per run length keeps `~` from closing `~~`.
const MARKER_OF_LENGTH = [0, TILDE, TILDE + 0x10000] as const;

export function strikethroughTokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = state.src.slice(state.pos, state.pos + scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({ marker: MARKER_OF_LENGTH[scanned.length]!, length: 0, token: state.tokens.length - 1, end: -1, open: scanned.can_open, close: scanned.can_close });
  }
  state.pos += scanned.length;
  return true;
}

export function strikethroughPostProcess(state: StateInline): boolean {
  const lists = [state.delimiters, ...(state.tokens_meta ?? []).map((meta) => meta?.delimiters ?? [])];
  for (const delimiters of lists) {
    for (const delimiter of delimiters) {
      if ((delimiter.marker !== MARKER_OF_LENGTH[1] && delimiter.marker !== MARKER_OF_LENGTH[2]) || delimiter.end === -1) continue;
      const opener = state.tokens[delimiter.token]!;
      const closer = state.tokens[delimiters[delimiter.end]!.token]!;
      opener.type = 's_open';
      opener.content = '';
      closer.type = 's_close';
      closer.content = '';
    }
  }
  return true;
}
