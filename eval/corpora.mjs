// The six shared corpora the evaluation runs over: which files are specs, which template they
// follow, and where they come from (for the licence notes of the vendored samples). Paths are
// relative to the corpus folder (../shared/corpus/<name>), as upstream lays them out.

/**
 * @typedef {object} Corpus
 * @property {string} name        folder under ../shared/corpus and under test/fixtures/corpus
 * @property {string} template    the team's template, relative to the corpus folder
 * @property {string[]} specs     globs of the spec documents
 * @property {string[]} exclude   globs that match but are not specs of that template
 * @property {string} upstream    the GitHub repository the files were copied from
 * @property {string} commit      the upstream commit
 * @property {string} licence     SPDX expression
 * @property {Array<string | { from: string, as: string }>} licenceFiles the licence texts kept beside the
 *   vendored files: a path in the corpus folder, or a text from elsewhere in ../shared/corpus (`from`,
 *   relative to the corpus folder) under another name (`as`)
 * @property {string} history     what a reviewer must know about older template versions
 * @property {string} [note]      anything more the vendored copy's NOTICE must say
 */

/** @type {Corpus[]} */
export const CORPORA = [
  {
    name: 'rust-rfcs',
    template: '0000-template.md',
    specs: ['text/*.md'],
    exclude: [],
    upstream: 'rust-lang/rfcs',
    commit: '354518a8c9025f40be6f730452c1bfe71a12dc22',
    licence: 'MIT OR Apache-2.0',
    licenceFiles: ['LICENSE-APACHE', 'LICENSE-MIT'],
    history: 'Older RFCs predate the current template (Guide-level/Reference-level explanation, Prior art, Future possibilities came later).',
  },
  {
    name: 'kubernetes-keps',
    template: 'keps/NNNN-kep-template/README.md',
    specs: ['keps/**/README.md'],
    // Not KEPs: the template itself, the cloud-provider KEP template, and the prod-readiness folder's index.
    exclude: ['keps/NNNN-kep-template/README.md', 'keps/sig-cloud-provider/providers/0000-cloud-provider-template/README.md', 'keps/prod-readiness/README.md'],
    upstream: 'kubernetes/enhancements',
    commit: '64765b4b02389318f2113119dd9e491479f978a0',
    licence: 'Apache-2.0',
    licenceFiles: ['LICENSE'],
    history: 'The template grew over the years; KEPs written before a part was added lack it. Many parts are marked (Optional) in the heading.',
  },
  {
    name: 'nixos-rfcs',
    template: '0000-template.md',
    specs: ['rfcs/*.md'],
    exclude: [],
    upstream: 'NixOS/rfcs',
    commit: 'c655bdaab40f7a467f75dbb5af4325d991874e44',
    licence: 'CC-BY-SA-4.0',
    licenceFiles: ['LICENSE'],
    history: 'Future work was added in 2017-04, Examples and Interactions in 2019-11, Prior art in 2023-06.',
  },
  {
    name: 'madr',
    template: 'template/adr-template.md',
    // MADR's own decisions; adr-template.md (a template copy) and index.md (a listing page) are not decisions.
    specs: ['docs/decisions/[0-9][0-9][0-9][0-9]-*.md'],
    exclude: [],
    upstream: 'adr/madr',
    commit: '11807d877dbc5eb952591d54bc3124ddbc4c924c',
    licence: 'MIT OR CC0-1.0',
    licenceFiles: ['LICENSE', 'LICENSE.MIT', 'LICENSE.CC0-1.0'],
    history: 'The ADRs were written over MADR 2.x-4.0; optional sections carry "<!-- This is an optional element. Feel free to remove. -->" on the line above.',
  },
  {
    name: 'ethereum-ercs',
    template: 'erc-template.md',
    specs: ['ERCS/*.md'],
    // EIP-1 is the process document (Meta, Living), not an ERC written from the template.
    exclude: ['ERCS/eip-1.md'],
    upstream: 'ethereum/ERCs',
    commit: '9c718c7c02372a6b7e300990511cd6fdff7f1dfa',
    licence: 'CC0-1.0',
    licenceFiles: ['LICENSE.md'],
    history: 'Simple Summary removed 2021-08; Implementation renamed Reference Implementation 2020-12; Security Considerations mandatory since 2019-12; Motivation, Backwards Compatibility, Test Cases, Reference Implementation are optional.',
  },
  {
    name: 'cardano-cips',
    template: '.github/CIP-TEMPLATE.md',
    specs: ['CIP-*/README.md'],
    exclude: [],
    upstream: 'cardano-foundation/CIPs',
    commit: 'eb4510345f0ce7c014a7d83f85d43e86c537897f',
    licence: 'CC-BY-4.0 (each CIP names its own: CC-BY-4.0 or Apache-2.0)',
    // Some CIPs are Apache-2.0, whose text the CIPs repository does not carry: the KEP corpus's LICENSE is that text.
    licenceFiles: ['LICENSE', { from: '../kubernetes-keps/LICENSE', as: 'LICENSE-Apache-2.0' }],
    note: 'LICENSE-Apache-2.0 is the Apache License 2.0 text (as kubernetes/enhancements carries it), for the CIPs whose preamble names Apache-2.0.',
    history: 'Editors retrofitted older CIPs; optional sections (Versioning, References, Appendices, Acknowledgements) are listed inside an HTML comment.',
  },
];

export function corpusNamed(name) {
  const corpus = CORPORA.find((candidate) => candidate.name === name);
  if (!corpus) throw new Error(`No corpus "${name}". Corpora: ${CORPORA.map((candidate) => candidate.name).join(', ')}.`);
  return corpus;
}
