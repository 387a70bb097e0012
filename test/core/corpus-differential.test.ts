import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { checkSpec, createPolicy, parseSpec, parseTemplate, type Policy, type SpecDocument } from '../../src/core/index.js';
import { toSpecDocument } from '../../src/core/parse.js';
import { CORPUS } from '../helpers/core.js';

/**
 * parseSpec skips parser work for speed: GFM autolink literals always, and each other GFM construct
 * when the document lacks the characters it needs. These tests hold the whole corpus (1,304 real
 * specs) to the parse it replaced, so a faster parse can never change a finding.
 */

const FRONT_MATTER: Array<'yaml' | 'toml'> = ['yaml', 'toml'];

/** The parse before: every GFM construct, always. */
function fullGfm(markdown: string): SpecDocument {
  const tree = fromMarkdown(markdown, {
    extensions: [frontmatter(FRONT_MATTER), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(FRONT_MATTER), gfmFromMarkdown()],
  });
  return toSpecDocument(tree, markdown);
}

/** Every GFM construct parseSpec may use, always on: the document must be the same, field for field. */
const everyConstruct = {
  extensions: [frontmatter(FRONT_MATTER), gfmTaskListItem(), gfmTable(), gfmFootnote(), gfmStrikethrough()],
  mdastExtensions: [frontmatterFromMarkdown(FRONT_MATTER), gfmTaskListItemFromMarkdown(), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()],
};

function files(directory: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) files(path, keep, out);
    else if (keep(name)) out.push(path);
  }
  return out;
}

const policyOf = (template: string): Policy => createPolicy(parseTemplate(readFileSync(join(CORPUS, template), 'utf8'))).policy;
const corpora = [
  { policy: policyOf('rust-rfcs/0000-template.md'), paths: files(join(CORPUS, 'rust-rfcs/text'), (name) => name.endsWith('.md')) },
  { policy: policyOf('kubernetes-keps/keps/NNNN-kep-template/README.md'), paths: files(join(CORPUS, 'kubernetes-keps/keps'), (name) => name === 'README.md') },
];
const documents = corpora.flatMap(({ policy, paths }) => paths.map((path) => ({ path, policy })));
const BATCH = 100;
const batches = Array.from({ length: Math.ceil(documents.length / BATCH) }, (_, index) => [index * BATCH, Math.min(documents.length, (index + 1) * BATCH)] as const);

describe('parseSpec against the full GFM parse, over the whole corpus', () => {
  test('the corpus is all there: 648 RFCs and 656 KEPs', () => {
    expect(corpora.map(({ paths }) => paths.length)).toEqual([648, 656]);
  });

  test.each(batches)('documents %i to %i: the same findings as with every GFM construct, and the same document as with every construct it uses', (from, to) => {
    const findingsDiffer: string[] = [];
    const documentsDiffer: string[] = [];
    for (const { path, policy } of documents.slice(from, to)) {
      const text = readFileSync(path, 'utf8');
      const document = parseSpec(text);
      if (JSON.stringify(checkSpec(document, policy)) !== JSON.stringify(checkSpec(fullGfm(text), policy))) findingsDiffer.push(path);
      if (JSON.stringify(document) !== JSON.stringify(toSpecDocument(fromMarkdown(text, everyConstruct), text))) documentsDiffer.push(path);
    }
    expect({ findingsDiffer, documentsDiffer }).toEqual({ findingsDiffer: [], documentsDiffer: [] });
  }, 120_000);
});
