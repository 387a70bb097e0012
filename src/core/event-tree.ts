import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Token, TokenizeContext } from 'micromark-util-types';

/**
 * micromark's events to the part of an mdast-shaped tree that `toSpecDocument` reads: node types,
 * children, text values, image alts, heading depths and positions. It gives the same text as
 * `mdast-util-from-markdown` (with the frontmatter and GFM extensions) by following its handlers,
 * in the same form: a table of handlers for entering tokens and one for exiting them. It builds
 * less: no list items (their children sit in the list), no urls, labels or spread, and positions
 * only as micromark's own points.
 *
 * test/core/differential.test.ts holds it to mdast-util-from-markdown over real specs.
 */
export interface EventNode {
  type: string;
  children?: EventNode[];
  value?: string;
  alt?: string | null;
  depth?: number;
  position: { start: TreePoint; end?: TreePoint };
}

interface TreePoint {
  line: number;
  column: number;
  offset: number;
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
// Containers mdast gives no children.
const LEAVES = new Set(['break', 'footnoteReference', 'thematicBreak', 'definition']);

// Nodes whose text is gathered in a fragment and set as their value when they close.
const VALUE_NODES: Record<string, string> = { codeFenced: 'code', codeIndented: 'code', codeText: 'inlineCode', htmlFlow: 'html', htmlText: 'html', yaml: 'yaml', toml: 'toml' };

// Strings mdast reads into a fragment and then takes out of the tree (urls, labels, info strings).
const DISCARDED = [
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
];

const DATA = ['data', 'codeFlowValue', 'codeTextData', 'htmlFlowData', 'htmlTextData', 'autolinkProtocol', 'autolinkEmail', 'yamlValue', 'tomlValue'];

/** What the handlers share while one document's events go by. */
class TreeState {
  readonly root: EventNode = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 } } };
  readonly stack: EventNode[] = [this.root];
  slurpLineEnding = false;
  atHardBreak = false;
  inTable = false;
  insideFence = false;
  numericReference: 10 | 16 | undefined;
  taskParagraph: EventNode | undefined;
  // mdast drops the space after a task check only in the first paragraph of a list item; list items are not built here, so each list remembers whether its current item has had one.
  readonly itemHasParagraph = new WeakMap<EventNode, boolean>();
  readonly firstParagraphs = new WeakSet<EventNode>();

  top(): EventNode {
    return this.stack[this.stack.length - 1]!;
  }

  enter(node: EventNode): void {
    this.top().children!.push(node);
    this.stack.push(node);
  }

  buffer(token: Token): void {
    this.stack.push({ type: 'fragment', children: [], position: { start: token.start } });
  }

  resume(): string {
    return textOf(this.stack.pop()!);
  }

  /** Text goes into the text node at the end of the current node, a new one if there is none. */
  enterData(token: Token): void {
    const siblings = this.top().children!;
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== 'text') {
      tail = { type: 'text', value: '', position: { start: token.start } };
      siblings.push(tail);
    }
    this.stack.push(tail);
  }

  /** Appends a token's source text to the node on top, and leaves it. */
  exitData(token: Token, context: TokenizeContext): void {
    (this.stack.pop()!.value as string) += context.sliceSerialize(token);
  }
}

type EnterHandler = (state: TreeState, token: Token) => void;
type ExitHandler = (state: TreeState, token: Token, context: TokenizeContext) => void;

const enterContainer: EnterHandler = (state, token) => {
  const type = CONTAINERS[token.type]!;
  const node: EventNode = { type, position: { start: token.start } };
  if (!LEAVES.has(type)) node.children = [];
  if (token.type === 'paragraph' && state.itemHasParagraph.get(state.top()) === false) {
    state.itemHasParagraph.set(state.top(), true);
    state.firstParagraphs.add(node);
  }
  state.enter(node);
  if (token.type === 'table') state.inTable = true;
};

const enterValueNode: EnterHandler = (state, token) => {
  state.enter({ type: VALUE_NODES[token.type]!, value: '', position: { start: token.start } });
  if (token.type !== 'codeFenced') state.buffer(token);
};

const ENTER: Record<string, EnterHandler> = {
  ...Object.fromEntries(Object.keys(CONTAINERS).map((type) => [type, enterContainer])),
  ...Object.fromEntries(Object.keys(VALUE_NODES).map((type) => [type, enterValueNode])),
  ...Object.fromEntries([...DATA, 'characterEscape', 'characterReference'].map((type) => [type, (state: TreeState, token: Token) => state.enterData(token)])),
  ...Object.fromEntries([...DISCARDED, 'label'].map((type) => [type, (state: TreeState, token: Token) => state.buffer(token)])),
  listItemPrefix: (state) => {
    if (state.top().type === 'list') state.itemHasParagraph.set(state.top(), false);
  },
  image: (state, token) => state.enter({ type: 'image', alt: null, position: { start: token.start } }),
};

const exitContainer: ExitHandler = (state, token) => {
  const node = state.stack.pop()!;
  node.position.end = token.end;
  if (token.type === 'hardBreakEscape' || token.type === 'hardBreakTrailing') state.atHardBreak = true;
  else if (token.type === 'setextHeading') state.slurpLineEnding = false;
  else if (token.type === 'table') state.inTable = false;
  else if (token.type === 'paragraph' && node === state.taskParagraph && state.firstParagraphs.has(node)) {
    // The check is not text: the space after `[x]` goes with it.
    const head = node.children![0];
    if (head?.type === 'text') {
      head.value = head.value!.slice(1);
      if (head.value === '') node.children!.shift();
    }
    state.taskParagraph = undefined;
  }
};

const exitValueNode: ExitHandler = (state, token) => {
  // The frontmatter extension's token types are not in micromark's own list.
  const type: string = token.type;
  let value = state.resume();
  if (type === 'codeFenced' || type === 'yaml' || type === 'toml') value = value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
  else if (token.type === 'codeIndented') value = value.replace(/(\r?\n|\r)$/g, '');
  else if (token.type === 'codeText' && state.inTable) value = value.replace(/\\([\\|])/g, (all: string, escaped: string) => (escaped === '|' ? escaped : all));
  if (token.type === 'codeFenced') state.insideFence = false;
  const node = state.stack.pop()!;
  node.value = value;
  node.position.end = token.end;
};

const EXIT: Record<string, ExitHandler> = {
  ...Object.fromEntries([...Object.keys(CONTAINERS), 'image'].map((type) => [type, exitContainer])),
  ...Object.fromEntries(Object.keys(VALUE_NODES).map((type) => [type, exitValueNode])),
  ...Object.fromEntries(DATA.map((type) => [type, (state: TreeState, token: Token, context: TokenizeContext) => state.exitData(token, context)])),
  ...Object.fromEntries(DISCARDED.map((type) => [type, (state: TreeState) => void state.stack.pop()])),
  lineEnding: (state, token, context) => {
    if (state.atHardBreak) state.atHardBreak = false;
    else if (!state.slurpLineEnding && EOL_PARENTS.has(state.top().type)) {
      state.enterData(token);
      state.exitData(token, context);
    }
  },
  characterEscapeValue: (state, token, context) => state.exitData(token, context),
  characterReferenceMarkerNumeric: (state) => void (state.numericReference = 10),
  characterReferenceMarkerHexadecimal: (state) => void (state.numericReference = 16),
  characterReferenceValue: (state, token, context) => {
    const data = context.sliceSerialize(token);
    (state.top().value as string) += state.numericReference ? decodeNumericCharacterReference(data, state.numericReference) : decodeNamedCharacterReference(data);
    state.numericReference = undefined;
  },
  characterReference: (state) => void state.stack.pop(),
  atxHeadingSequence: (state, token, context) => {
    if (!state.top().depth) state.top().depth = context.sliceSerialize(token).length;
  },
  setextHeadingText: (state) => void (state.slurpLineEnding = true),
  setextHeadingLineSequence: (state, token, context) => {
    state.top().depth = context.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
  },
  codeFencedFence: (state, token) => {
    if (state.insideFence) return;
    state.buffer(token);
    state.insideFence = true;
  },
  label: (state) => {
    const fragment = state.top();
    const value = state.resume();
    const node = state.top();
    if (node.type === 'link') node.children = fragment.children!;
    else node.alt = value;
  },
  taskListCheckValueChecked: (state) => void (state.taskParagraph = state.top()),
  taskListCheckValueUnchecked: (state) => void (state.taskParagraph = state.top()),
};

/** The tree of one document's events, each handled by the table entry for its token type. */
export function eventTree(events: readonly Event[]): EventNode {
  const state = new TreeState();
  for (const [kind, token, context] of events) {
    if (kind === 'enter') ENTER[token.type]?.(state, token);
    else EXIT[token.type]?.(state, token, context);
  }
  return state.root;
}

/** mdast-util-to-string with its defaults: text, code and HTML values, image alts. */
function textOf(root: EventNode): string {
  let text = '';
  const stack: EventNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value !== undefined) text += node.value;
    else if (node.alt) text += node.alt;
    else if (node.children) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return text;
}
