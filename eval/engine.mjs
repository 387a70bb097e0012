// Runs specgate over a corpus folder the way `specgate check --template T FILE...` does, and keys
// each finding for the labels. The caller passes the CLI's runCheck: `npm run eval` the built one
// (build/cli/check-command.js), the test suite the source one, so both measure the code users run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { keyFindings, splitLines } from './labels.mjs';

/** The corpus's spec documents under `root`, relative to it, sorted. */
export function specFiles(root, corpus) {
  return globSync(corpus.specs, { cwd: root, ignore: corpus.exclude }).sort();
}

/**
 * @typedef {(options: { root: string, paths: string[], template?: string }) => Promise<{ files: Array<{ path: string, findings: import('./labels.mjs').Finding[] }> }>} RunCheck
 */

/**
 * Each file's keyed findings, with the corpus's template and default options.
 * @param {RunCheck} runCheck
 * @param {string} root
 * @param {import('./corpora.mjs').Corpus} corpus
 * @param {string[]} files
 * @returns {Promise<Array<{ file: string, findings: import('./labels.mjs').KeyedFinding[] }>>}
 */
export async function checkDocuments(runCheck, root, corpus, files) {
  if (files.length === 0) return [];
  const report = await runCheck({ root, paths: files, template: corpus.template });
  return report.files.map(({ path, findings }) => ({
    file: path,
    findings: keyFindings(path, findings, splitLines(readFileSync(join(root, path), 'utf8'))),
  }));
}
