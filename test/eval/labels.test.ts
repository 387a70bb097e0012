import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/check-command.js';
import { CORPORA } from '../../eval/corpora.mjs';
import { checkDocuments } from '../../eval/engine.mjs';
import { changesSinceRecord, parseLabels } from '../../eval/labels.mjs';
import { vendoredFiles } from '../../eval/vendor.mjs';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

/**
 * The hand labels of eval/labels/ held to the engine, on the labelled documents vendored under
 * test/fixtures/corpus/ (byte for byte from ../shared/corpus, which tests never read). A finding
 * labelled right that the engine stops producing, or one labelled wrong that it produces again
 * after it was recorded as fixed, fails here; so does any other change from the recorded state,
 * until `npm run eval -- --record` records it and the commit says why.
 */

function labelsOf(name: string) {
  return parseLabels(readFileSync(join(ROOT, 'eval', 'labels', `${name}.yaml`), 'utf8'), `eval/labels/${name}.yaml`);
}

describe.each(CORPORA.map((corpus) => [corpus.name, corpus] as const))('the hand labels of %s', (name, corpus) => {
  const labels = labelsOf(name);
  const root = join(FIXTURES, 'corpus', name);
  const { documents, copies } = vendoredFiles(corpus, labels);

  test('label at least one finding and read at least one document', () => {
    expect(labels.findings.length).toBeGreaterThan(0);
    expect(documents.length).toBeGreaterThan(0);
  });

  test('every labelled document is vendored with the template, the licence texts and a NOTICE', () => {
    const absent = [...copies.map(({ file }) => file), 'NOTICE'].filter((file) => !existsSync(join(root, file)));
    expect(absent).toEqual([]);
  });

  test('the engine still produces what the labels record, and nothing labelled wrong comes back', async () => {
    const checked = await checkDocuments(runCheck, root, corpus, documents);
    expect(changesSinceRecord(labels, checked.flatMap((document) => document.findings))).toEqual([]);
  });
});
