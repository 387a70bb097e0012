// One document through the core in a process of its own, so its peak memory is its own:
// `node bench/one-doc.mjs KIND SIZE` prints {bytes, ms (cold), warmMs, peakRssMb, baseRssMb, findings} as JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSpec, createPolicy, parseTemplate } from '../build/core/index.js';
import { walk } from './walk.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEPS = join(ROOT, '..', 'shared', 'corpus', 'kubernetes-keps', 'keps');
const KEP_TEMPLATE = join(KEPS, 'NNNN-kep-template', 'README.md');

/** The documents the bench generates, each `size` big in its own unit. */
const KINDS = {
  // A real spec made large: KEP bodies one after another until the size is reached.
  'spec-bytes': (size) => {
    const parts = [];
    let length = 0;
    for (const path of walk(KEPS, (path, name) => name === 'README.md' && path !== KEP_TEMPLATE)) {
      if (length >= size) break;
      const text = readFileSync(path, 'utf8');
      parts.push(text);
      length += Buffer.byteLength(text);
    }
    return parts.join('\n');
  },
  // `- - - … item`: every marker opens a list inside the previous item.
  'nested-lists': (size) => `## Summary\n\n${'- '.repeat(size)}item\n`,
  'open-brackets': (size) => `## Summary\n\n${'['.repeat(size)}\n`,
  headings: (size) => Array.from({ length: size }, (_, index) => `## Part ${index}\n\nText ${index}.\n`).join('\n'),
  // 1,000 lines, each quoted `size` deep.
  'deep-quotes': (size) => `## Summary\n\n${Array.from({ length: 1000 }, (_, index) => `${'> '.repeat(size)}line ${index}`).join('\n')}\n`,
  'long-line': (size) => `## Summary\n\n${'word '.repeat(Math.ceil(size / 5))}\n`,
};

const [kind, sizeArgument] = process.argv.slice(2);
const text = KINDS[kind](Number(sizeArgument));
const { policy } = createPolicy(parseTemplate(readFileSync(KEP_TEMPLATE, 'utf8')));
checkSpec('## Summary\n\nwarm up\n', policy);
const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
const timed = () => {
  const started = performance.now();
  const count = checkSpec(text, policy).length;
  return { ms: performance.now() - started, count };
};
// The first check is the cold one a process pays once (the CLI's and the app's threads do); its
// peak memory is read before any other check runs.
const { ms, count: findings } = timed();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// Then the same document again, as the corpus rate is measured: warm, the median of several
// checks. A short check is repeated more (up to 9 times, within about a second), so one garbage
// collection does not decide it; a document that took seconds cold is timed only once more.
const again = [];
do again.push(timed().ms);
while (again.length < 9 && (again.length < 3 || again.reduce((sum, each) => sum + each, 0) < 1000) && ms <= 3000);
const warmMs = again.sort((a, b) => a - b)[again.length >> 1];
process.stdout.write(JSON.stringify({ kind, size: Number(sizeArgument), bytes: Buffer.byteLength(text), ms, warmMs, peakRssMb, baseRssMb, findings }));
