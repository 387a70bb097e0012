// `npm run differential`: every document of every corpus in ../shared/corpus through parseSpec (the
// hot path) and through the reference (mdast-util-from-markdown, src/core/reference.ts). The section
// trees must be equal field for field, and the findings equal to those of a parse with every GFM
// construct (autolink literals too). Prints each difference and exits 1 when there is one.
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
const CORPORA = {
  'rust-rfcs': '0000-template.md',
  'kubernetes-keps': 'keps/NNNN-kep-template/README.md',
  'nixos-rfcs': '0000-template.md',
  madr: 'template/adr-template.md',
  'ethereum-ercs': 'erc-template.md',
  'cardano-cips': '.github/CIP-TEMPLATE.md',
};
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

const fullGfm = (text) => toSpecDocument(fromMarkdown(text, { extensions: [frontmatter(FRONT_MATTER), gfm()], mdastExtensions: [frontmatterFromMarkdown(FRONT_MATTER), gfmFromMarkdown()] }), text);
const show = (value) => JSON.stringify(value)?.slice(0, 300);

if (process.argv[1] !== fileURLToPath(import.meta.url)) { } else {
const asked = process.argv.slice(2);
const started = performance.now();
let documents = 0;
let differences = 0;
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
    for (const [what, found] of [['tree', tree], ['findings', findings]]) {
      if (!found) continue;
      console.log(`${corpus}/${relative(root, path)}: ${what} differ at ${found.path || '(root)'}: fast ${show(found.fast)}, reference ${show(found.reference)}`);
    }
    if (tree || findings) differ += 1;
  }
  console.log(`${corpus}: ${paths.length} documents, ${differ} differ`);
  documents += paths.length;
  differences += differ;
}
console.log(`differential: ${documents} documents, ${differences} differ (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = differences === 0 && documents > 0 ? 0 : 1;
}
