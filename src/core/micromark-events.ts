import type { Event, Extension, Token } from 'micromark-util-types';
import type { Root } from 'mdast';
import type { SpecDocument } from './types.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { parse, postprocess, preprocess } from 'micromark';
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
  return toSpecDocument(markdownTree(markdown, extensionsFor(markdown)), markdown);
}

type Position = { line: number; column: number; offset: number };

/**
 * micromark's events to the part of an mdast tree that `toSpecDocument` reads: node types,
 * children, text values, image alts, heading depths and positions. It gives the same text as
 * `mdast-util-from-markdown` (with the frontmatter and GFM extensions) by following its handlers,
 * but builds less: no list items (their children sit in the list), no urls, labels or spread,
 * and positions only as micromark's own points. It costs a fraction of the general compiler,
 * and no quadratic pass over nested lists.
 *
 * test/core/corpus-differential.test.ts holds it to mdast-util-from-markdown over the corpus, and
 * test/core/tree.property.test.ts over generated markdown.
 */

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  alt?: string | null;
  depth?: number;
  position: { start: Position; end?: Position };
}

// Where a line ending is text (mdast's `canContainEols`): elsewhere it only separates.
const EOL_PARENTS = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong', 'delete']);

const CONTAINERS: Record<string, string> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  blockQuote: 'blockquote',
  listOrdered: 'list',
  listUnordered: 'list',
  paragraph: 'paragraph',
  definition: 'definition',
  thematicBreak: 'thematicBreak',
  emphasis: 'emphasis',
  strong: 'strong',
  strikethrough: 'delete',
  link: 'link',
  autolink: 'link',
  hardBreakEscape: 'break',
  hardBreakTrailing: 'break',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableCell',
  tableData: 'tableCell',
  gfmFootnoteDefinition: 'footnoteDefinition',
  gfmFootnoteCall: 'footnoteReference',
};

// Nodes whose text is gathered in a fragment and set as their value when they close.
const VALUE_NODES: Record<string, string> = { codeFenced: 'code', codeIndented: 'code', codeText: 'inlineCode', htmlFlow: 'html', htmlText: 'html', yaml: 'yaml', toml: 'toml' };

// Strings mdast reads into a fragment and then takes out of the tree (urls, labels, info strings).
const DISCARDED = new Set([
  'codeFencedFenceInfo',
  'codeFencedFenceMeta',
  'definitionDestinationString',
  'definitionLabelString',
  'definitionTitleString',
  'referenceString',
  'resourceDestinationString',
  'resourceTitleString',
  'gfmFootnoteCallString',
  'gfmFootnoteDefinitionLabelString',
]);

const DATA = new Set(['data', 'codeFlowValue', 'codeTextData', 'htmlFlowData', 'htmlTextData', 'autolinkProtocol', 'autolinkEmail', 'yamlValue', 'tomlValue']);

function markdownTree(markdown: string, extensions: Extension[]): Root {
  const events = postprocess(parse({ extensions }).document().write(preprocess()(markdown, undefined, true)));
  const root: Node = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 } } };
  const stack: Node[] = [root];
  let slurpLineEnding = false;
  let atHardBreak = false;
  let inTable = false;
  let insideFence = false;
  let numericReference: 10 | 16 | undefined;
  let taskParagraph: Node | undefined;
  // mdast drops the space after a task check only in the first paragraph of a list item; list items are not built here, so each list remembers whether its current item has had one.
  const itemHasParagraph = new WeakMap<Node, boolean>();
  const firstParagraphs = new WeakSet<Node>();

  const top = (): Node => stack[stack.length - 1]!;
  const enter = (node: Node): void => {
    top().children!.push(node);
    stack.push(node);
  };
  const buffer = (token: Token): void => {
    stack.push({ type: 'fragment', children: [], position: { start: token.start } });
  };
  const resume = (): string => textOf(stack.pop()!);
  const enterData = (token: Token): void => {
    const siblings = top().children!;
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== 'text') {
      tail = { type: 'text', value: '', position: { start: token.start } };
      siblings.push(tail);
    }
    stack.push(tail);
  };

  for (const [kind, token, context] of events as Event[]) {
    const type = token.type as string;
    if (kind === 'enter') {
      if (type === 'listItemPrefix' && top().type === 'list') itemHasParagraph.set(top(), false);
      const firstInItem = type === 'paragraph' && itemHasParagraph.get(top()) === false;
      if (firstInItem) itemHasParagraph.set(top(), true);
      const container = CONTAINERS[type];
      if (container !== undefined) {
        const node: Node = { type: container, position: { start: token.start } };
        if (container !== 'break' && container !== 'footnoteReference' && container !== 'thematicBreak' && container !== 'definition') node.children = [];
        if (firstInItem) firstParagraphs.add(node);
        enter(node);
        if (type === 'table') inTable = true;
      } else if (VALUE_NODES[type] !== undefined) {
        enter({ type: VALUE_NODES[type]!, value: '', position: { start: token.start } });
        if (type !== 'codeFenced') buffer(token);
      } else if (type === 'image') {
        enter({ type: 'image', alt: null, position: { start: token.start } });
      } else if (DATA.has(type) || type === 'characterEscape' || type === 'characterReference') {
        enterData(token);
      } else if (DISCARDED.has(type) || type === 'label') {
        buffer(token);
      }
      continue;
    }

    switch (type) {
      case 'lineEnding':
        if (atHardBreak) atHardBreak = false;
        else if (!slurpLineEnding && EOL_PARENTS.has(top().type)) {
          enterData(token);
          (stack.pop()!.value as string) += context.sliceSerialize(token);
        }
        continue;
      case 'characterEscapeValue':
        (stack.pop()!.value as string) += context.sliceSerialize(token);
        continue;
      case 'characterReferenceMarkerNumeric':
        numericReference = 10;
        continue;
      case 'characterReferenceMarkerHexadecimal':
        numericReference = 16;
        continue;
      case 'characterReferenceValue': {
        const data = context.sliceSerialize(token);
        (top().value as string) += numericReference ? decodeNumericCharacterReference(data, numericReference) : decodeNamedCharacterReference(data);
        numericReference = undefined;
        continue;
      }
      case 'characterReference':
        stack.pop();
        continue;
      case 'atxHeadingSequence':
        if (!top().depth) top().depth = context.sliceSerialize(token).length;
        continue;
      case 'setextHeadingText':
        slurpLineEnding = true;
        continue;
      case 'setextHeadingLineSequence':
        top().depth = context.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
        continue;
      case 'codeFencedFence':
        if (!insideFence) {
          buffer(token);
          insideFence = true;
        }
        continue;
      case 'label': {
        const fragment = top();
        const value = resume();
        const node = top();
        if (node.type === 'link') node.children = fragment.children!;
        else node.alt = value;
        continue;
      }
      case 'taskListCheckValueChecked':
      case 'taskListCheckValueUnchecked':
        taskParagraph = top();
        continue;
    }

    if (DATA.has(type)) {
      (stack.pop()!.value as string) += context.sliceSerialize(token);
    } else if (DISCARDED.has(type)) {
      stack.pop();
    } else if (VALUE_NODES[type] !== undefined) {
      let value = resume();
      if (type === 'codeFenced' || type === 'yaml' || type === 'toml') value = value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
      else if (type === 'codeIndented') value = value.replace(/(\r?\n|\r)$/g, '');
      else if (type === 'codeText' && inTable) value = value.replace(/\\([\\|])/g, (all: string, escaped: string) => (escaped === '|' ? escaped : all));
      if (type === 'codeFenced') insideFence = false;
      const node = stack.pop()!;
      node.value = value;
      node.position.end = token.end;
    } else if (CONTAINERS[type] !== undefined || type === 'image') {
      const node = stack.pop()!;
      node.position.end = token.end;
      if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
      else if (type === 'setextHeading') slurpLineEnding = false;
      else if (type === 'table') inTable = false;
      else if (type === 'paragraph' && node === taskParagraph && firstParagraphs.has(node)) {
        // The check is not text: the space after `[x]` goes with it.
        const head = node.children![0];
        if (head?.type === 'text') {
          head.value = head.value!.slice(1);
          if (head.value === '') node.children!.shift();
        }
        taskParagraph = undefined;
      }
    }
  }
  return root as unknown as Root;
}

/** mdast-util-to-string with its defaults: text, code and HTML values, image alts. */
function textOf(root: Node): string {
  let text = '';
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value !== undefined) text += node.value;
    else if (node.alt) text += node.alt;
    else if (node.children) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return text;
}
