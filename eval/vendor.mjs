// The labelled documents, vendored byte for byte under test/fixtures/corpus/<corpus>/ with the
// corpus's template and licence, so the test suite can hold the labels to the engine without
// ../shared. The upstream paths are kept, so a label's `file` names the copy too.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/corpus', import.meta.url));

/** Every file of the corpus a copy needs: the labelled documents, the template, the licence texts. */
export function vendoredFiles(corpus, labels) {
  const documents = new Set([...labels.findings, ...labels.passing].map((label) => label.file));
  return { documents: [...documents].sort(), support: [corpus.template, ...corpus.licenceFiles] };
}

/** The labelled documents (and template, licences) whose copy is missing or differs from the corpus. */
export function staleCopies(corpus, root, labels) {
  const { documents, support } = vendoredFiles(corpus, labels);
  if (documents.length === 0) return [];
  return [...documents, ...support].filter((file) => {
    const copy = join(FIXTURES, corpus.name, file);
    return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(root, file)));
  });
}

/** Copies what the labels need, removes documents no label names any more, and writes the NOTICE. */
export function vendorCorpus(corpus, root, labels) {
  const { documents, support } = vendoredFiles(corpus, labels);
  if (documents.length === 0) return;
  const target = join(FIXTURES, corpus.name);
  const keep = new Set([...documents, ...support, 'NOTICE']);
  for (const file of globSync('**/*', { cwd: target, dot: true })) if (!keep.has(file)) rmSync(join(target, file));
  for (const file of [...documents, ...support]) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
  writeFileSync(join(target, 'NOTICE'), notice(corpus, documents));
}

function notice(corpus, documents) {
  return [
    `These files are copied unmodified (byte for byte) from https://github.com/${corpus.upstream}`,
    `at commit ${corpus.commit}, at the same paths.`,
    '',
    `Licence: ${corpus.licence}. The upstream licence text is beside this notice (${corpus.licenceFiles.join(', ')}).`,
    'Copyright stays with the documents\' authors, as named in each document. They are here as test',
    'fixtures for specgate\'s evaluation labels (eval/labels/' + corpus.name + '.yaml), not as part of specgate.',
    '',
    'Files:',
    ...[corpus.template, ...documents].map((file) => `- ${file}`),
    '',
  ].join('\n');
}
