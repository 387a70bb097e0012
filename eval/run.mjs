// `npm run eval`: specgate over the shared corpora (../shared/corpus), with each corpus's template
// and default options, through the CLI's own code; prints per corpus and per rule the findings,
// the precision on the hand-labelled sample, and the misses found. See eval/README.md.
//
//   npm run eval [-- --json] [-- --corpus NAME]   measure
//   npm run eval -- --todo [--corpus NAME]        YAML stubs for sampled findings and documents not yet labelled
//   npm run eval -- --wrong                       every false finding the engine produces now, with the reason
//   npm run eval -- --vendor                      copy the labelled documents into test/fixtures/corpus/
//   npm run eval -- --record                      record which labelled findings the engine produces now
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../build/cli/check-command.js';
import { CORPORA, corpusNamed } from './corpora.mjs';
import { checkDocuments, specFiles } from './engine.mjs';
import { parseLabels, recordProduced } from './labels.mjs';
import { measureCorpus } from './measure.mjs';
import { SEED } from './sample.mjs';
import { causeLines, targetLines, wrongLines } from './targets.mjs';
import { corpusLines, jsonReport, markdownTable } from './table.mjs';
import { todoStubs } from './todo.mjs';
import { FIXTURES, staleCopies, vendorCorpus } from './vendor.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = process.env.SPECGATE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args.includes('--corpus') ? [corpusNamed(args[args.indexOf('--corpus') + 1])] : CORPORA;

function labelFile(name) {
  return join(ROOT, 'eval', 'labels', `${name}.yaml`);
}

function loadLabels(name) {
  const path = labelFile(name);
  return parseLabels(existsSync(path) ? readFileSync(path, 'utf8') : '', `eval/labels/${name}.yaml`);
}

/** --record works on the vendored copies, so it needs no ../shared. */
async function record() {
  for (const corpus of only) {
    const labels = loadLabels(corpus.name);
    const root = join(FIXTURES, corpus.name);
    const files = [...new Set([...labels.findings, ...labels.passing].map((label) => label.file))];
    if (files.length === 0) continue;
    const keyed = (await checkDocuments(runCheck, root, corpus, files)).flatMap((document) => document.findings);
    const changed = recordProduced(labels, keyed);
    if (changed > 0) writeFileSync(labelFile(corpus.name), labels.document.toString({ lineWidth: 0 }));
    console.log(`${corpus.name}: ${changed} label${changed === 1 ? '' : 's'} recorded anew`);
  }
}

async function measure() {
  if (!existsSync(SHARED)) {
    console.log(`npm run eval: no corpus at ${SHARED} (set SPECGATE_CORPUS to its folder); nothing measured.`);
    return;
  }
  const results = [];
  const todo = [];
  for (const corpus of only) {
    const root = join(SHARED, corpus.name);
    const labels = loadLabels(corpus.name);
    const documents = await checkDocuments(runCheck, root, corpus, specFiles(root, corpus));
    const result = measureCorpus(corpus.name, documents, labels);
    results.push(result);
    if (flag('vendor')) vendorCorpus(corpus, root, labels);
    if (flag('todo')) todo.push(todoStubs(corpus, root, result, labels));
    const stale = staleCopies(corpus, root, labels);
    if (stale.length > 0 && !flag('json')) console.error(`${corpus.name}: vendored copies missing or not byte-identical: ${stale.join(', ')} (npm run eval -- --vendor)`);
  }
  if (flag('todo')) console.log(todo.join('\n'));
  else if (flag('wrong')) console.log(wrongLines(results).join('\n'));
  else if (flag('json')) console.log(JSON.stringify(jsonReport(results, SEED), null, 2));
  else {
    console.log(`${markdownTable(results)}\n\n${corpusLines(results).join('\n')}\n`);
    console.log(`Targets (labelled findings the engine produces now):\n${targetLines(results).join('\n')}\n`);
    console.log(`False findings labelled, by cause:\n${causeLines(results).join('\n')}`);
  }
}

await (flag('record') ? record() : measure());
