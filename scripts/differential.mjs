// `npm run differential`: every document of every corpus in ../shared/corpus through parseSpec (the
// hot path) and through the reference (mdast-util-from-markdown, src/core/reference.ts). The section
// trees must be equal field for field, and the findings equal to those of a parse with every GFM
// construct (autolink literals too). Prints each difference; exits 1 on one that
// scripts/differential-known.json does not list (with its reason), or when a listed one is gone.
// `node scripts/differential.mjs rust-rfcs madr` checks some corpora only. CI runs it (.ci/run).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { checkSpec, createPolicy, parseSpec, parseTemplate } from '../build/core/index.js';
import { referenceSpec, toSpecDocument } from '../build/core/reference.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = process.env.SPECGATE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
// Each corpus's template, as the vendored sample in test/fixtures/differential/ names it.
const CORPORA = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'differential', 'templates.json'), 'utf8'));
const FRONT_MATTER = ['yaml', 'toml'];

function markdownFiles(directory, out = []) {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Where two plain values first differ, as a path and both sides. */
export function firstDifference(a, b, path = '') {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return { path, fast: a, reference: b };
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`);
    if (found) return found;
  }
  return undefined;
}

// Documents that still differ, each with why (a micromark quirk the fast path does not copy, say).
const KNOWN = JSON.parse(readFileSync(join(ROOT, 'scripts', 'differential-known.json'), 'utf8'));

const fullGfm = (text) => toSpecDocument(fromMarkdown(text, { extensions: [frontmatter(FRONT_MATTER), gfm()], mdastExtensions: [frontmatterFromMarkdown(FRONT_MATTER), gfmFromMarkdown()] }), text);
const show = (value) => JSON.stringify(value)?.slice(0, 300);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
const asked = process.argv.slice(2);
const started = performance.now();
let documents = 0;
let differences = 0;
let unexpected = 0;
for (const [corpus, templatePath] of Object.entries(CORPORA)) {
  if (asked.length > 0 && !asked.includes(corpus)) continue;
  const root = join(CORPUS, corpus);
  const policy = createPolicy(parseTemplate(readFileSync(join(root, templatePath), 'utf8'))).policy;
  const paths = markdownFiles(root);
  let differ = 0;
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const fast = parseSpec(text);
    const tree = firstDifference(fast, referenceSpec(text));
    const findings = firstDifference(checkSpec(fast, policy), checkSpec(fullGfm(text), policy));
    const name = `${corpus}/${relative(root, path)}`;
    const known = KNOWN[name];
    for (const [what, found] of [['tree', tree], ['findings', findings]]) {
      if (!found) continue;
      console.log(`${known ? 'known' : 'NEW'}: ${name}: ${what} differ at ${found.path || '(root)'}: fast ${show(found.fast)}, reference ${show(found.reference)}${known ? ` (${known})` : ''}`);
    }
    if (tree || findings) differ += 1;
    if ((tree || findings) && !known) unexpected += 1;
    if (!tree && !findings && known) {
      console.log(`now identical: ${name}: take it out of scripts/differential-known.json`);
      unexpected += 1;
    }
  }
  console.log(`${corpus}: ${paths.length} documents, ${differ} differ`);
  documents += paths.length;
  differences += differ;
}
console.log(`differential: ${documents} documents, ${differences} differ, ${unexpected} not as scripts/differential-known.json says (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = unexpected === 0 && documents > 0 ? 0 : 1;
}
