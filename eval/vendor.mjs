// The labelled documents, vendored byte for byte under test/fixtures/corpus/<corpus>/ with the
// corpus's template and licence, so the test suite can hold the labels to the engine without
// ../shared. The upstream paths are kept, so a label's `file` names the copy too.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/corpus', import.meta.url));

/**
 * Every file a copy needs, as `{ file, from }` (its path in the copy and in the corpus folder): the
 * labelled documents, the template, the licence texts.
 */
export function vendoredFiles(corpus, labels) {
  const documents = [...new Set([...labels.findings, ...labels.passing].map((label) => label.file))].sort();
  const licences = corpus.licenceFiles.map((entry) => (typeof entry === 'string' ? { file: entry, from: entry } : { file: entry.as, from: entry.from }));
  const same = (file) => ({ file, from: file });
  return { documents, copies: [...documents.map(same), same(corpus.template), ...licences] };
}

/** The labelled documents (and template, licences) whose copy is missing or differs from the corpus. */
export function staleCopies(corpus, root, labels) {
  const { documents, copies } = vendoredFiles(corpus, labels);
  if (documents.length === 0) return [];
  const stale = copies.filter(({ file, from }) => {
    const copy = join(FIXTURES, corpus.name, file);
    return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(root, from)));
  });
  return stale.map(({ file }) => file);
}

/** Copies what the labels need, removes documents no label names any more, and writes the NOTICE. */
export function vendorCorpus(corpus, root, labels) {
  const { documents, copies } = vendoredFiles(corpus, labels);
  if (documents.length === 0) return;
  const target = join(FIXTURES, corpus.name);
  const keep = new Set([...copies.map(({ file }) => file), 'NOTICE']);
  for (const file of globSync('**/*', { cwd: target, dot: true })) if (!keep.has(file)) rmSync(join(target, file));
  for (const { file, from } of copies) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, from), join(target, file));
  }
  writeFileSync(join(target, 'NOTICE'), notice(corpus, documents, root));
}

/** A document's own licence line (`License: CC-BY-4.0`), for corpora whose documents name one. */
function ownLicence(root, file) {
  const match = /^License:\s*(.+)$/m.exec(readFileSync(join(root, file), 'utf8').slice(0, 4000));
  return match ? ` (License: ${match[1].trim()})` : '';
}

function notice(corpus, documents, root) {
  return [
    `These files are copied unmodified (byte for byte) from https://github.com/${corpus.upstream}`,
    `at commit ${corpus.commit}, at the same paths.`,
    '',
    `Licence: ${corpus.licence}. The licence texts are beside this notice (${licenceNames(corpus).join(', ')}).`,
    'Copyright stays with the documents\' authors, as named in each document. They are here as test',
    'fixtures for specgate\'s evaluation labels (eval/labels/' + corpus.name + '.yaml), not as part of specgate.',
    ...(corpus.note ? ['', corpus.note] : []),
    '',
    'Files:',
    ...[corpus.template, ...documents].map((file) => `- ${file}${ownLicence(root, file)}`),
    '',
  ].join('\n');
}

function licenceNames(corpus) {
  return corpus.licenceFiles.map((entry) => (typeof entry === 'string' ? entry : entry.as));
}
