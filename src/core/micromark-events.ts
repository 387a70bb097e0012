import type { Extension } from 'micromark-util-types';
import type { SpecDocument } from './types.js';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { parse, postprocess, preprocess } from 'micromark';
import { eventTree } from './event-tree.js';
import { toSpecDocument } from './reference.js';

const FRONT_MATTER = ['yaml', 'toml'] as const;

/**
 * The GFM constructs a spec can hold, each with a test for the characters it cannot start
 * without. A document without them parses exactly the same without the construct, and
 * micromark is much faster without it (the table construct is tried at every line).
 * GFM autolink literals are left out on purpose: they only wrap text that is already there
 * in a link (`www.x.org` reads the same either way), and they cost a third of the parse.
 */
const GFM_CONSTRUCTS: ReadonlyArray<{ present(markdown: string): boolean; extension: Extension }> = [
  // `- [ ] item`: the check reads the same as the template's `- [x] item`.
  { present: (markdown) => TASK_CHECK.test(markdown), extension: gfmTaskListItem() },
  // A table needs a delimiter row: only `-`, `:`, `|` and spaces, with a `|` or `:` (after any `>`).
  { present: hasTableDelimiterRow, extension: gfmTable() },
  { present: (markdown) => markdown.includes('[^'), extension: gfmFootnote() },
  { present: (markdown) => markdown.includes('~'), extension: gfmStrikethrough() },
];
const TASK_CHECK = /\[(?:\r\n|[\t\n\r xX])\]/;
const DELIMITER_ROW_LIKE = /^[ \t>|:-]+$/gm;

function hasTableDelimiterRow(markdown: string): boolean {
  for (const [line] of markdown.matchAll(DELIMITER_ROW_LIKE)) {
    if (line.includes('-') && (line.includes('|') || line.includes(':'))) return true;
  }
  return false;
}

const extensionSets = new Map<number, Extension[]>();

/** The micromark extensions for the constructs a document can hold: one set per combination, made once. */
function extensionsFor(markdown: string): Extension[] {
  let mask = 0;
  GFM_CONSTRUCTS.forEach((construct, bit) => {
    if (construct.present(markdown)) mask |= 1 << bit;
  });
  let extensions = extensionSets.get(mask);
  if (!extensions) {
    extensions = [frontmatter([...FRONT_MATTER]), ...GFM_CONSTRUCTS.filter((_, bit) => mask & (1 << bit)).map((construct) => construct.extension)];
    extensionSets.set(mask, extensions);
  }
  return extensions;
}

/**
 * The core's parse before markdown-it (issue 16): micromark's events to a partial mdast tree, read
 * by the reference's `toSpecDocument`. Not on the hot path: `npm run bench` times it against
 * `parseSpec` in the same run, and it is a second witness of mdast's semantics.
 */
export function micromarkSpec(markdown: string): SpecDocument {
  const events = postprocess(parse({ extensions: extensionsFor(markdown) }).document().write(preprocess()(markdown, undefined, true)));
  return toSpecDocument(eventTree(events), markdown);
}
