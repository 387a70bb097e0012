import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSpec, createPolicy, parseSpec, parseTemplate } from '../../src/core/index.js';
import { micromarkSpec } from '../../src/core/micromark-events.js';
import { referenceSpec } from '../../src/core/reference.js';
import { fixture, FIXTURES } from '../helpers/fixtures.js';

/**
 * parseSpec (the hot path) against the reference semantics, mdast-util-from-markdown's tree
 * (src/core/reference.ts), over real specs vendored from each corpus (test/fixtures/differential/NOTICE).
 * `npm run differential` does the same over every document of every corpus.
 */
const ROOT = join(FIXTURES, 'differential');
const TEMPLATES = JSON.parse(fixture('differential/templates.json')) as Record<string, string>;

function markdownFiles(directory: string, out: string[] = []): string[] {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

const documents = Object.entries(TEMPLATES).flatMap(([corpus, template]) =>
  markdownFiles(join(ROOT, corpus)).map((path) => ({ corpus, template, name: relative(ROOT, path) })),
);

describe('parseSpec against the reference (mdast) on real specs from every corpus', () => {
  test('a handful of documents from each of the six corpora, templates included', () => {
    const perCorpus = Object.keys(TEMPLATES).map((corpus) => documents.filter((document) => document.corpus === corpus).length);
    expect(perCorpus.every((count) => count >= 4)).toBe(true);
  });

  test.each(documents)('$name: the same section tree and the same findings', ({ corpus, template, name }) => {
    const text = fixture(`differential/${name}`);
    const policy = createPolicy(parseTemplate(fixture(`differential/${corpus}/${template}`))).policy;
    const fast = parseSpec(text);
    const reference = referenceSpec(text);
    expect(fast).toEqual(reference);
    expect(checkSpec(fast, policy)).toEqual(checkSpec(reference, policy));
  });
});

describe('the core before markdown-it (micromark events, the bench\'s peer) against the reference', () => {
  test.each(documents)('$name: the same section tree', ({ name }) => {
    const text = fixture(`differential/${name}`);
    expect(micromarkSpec(text)).toEqual(referenceSpec(text));
  });
});
