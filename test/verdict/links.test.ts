import { linkedSpecs, MAX_LINKED_SPECS } from '../../src/verdict/links.js';
import { missingLinkedSpec } from '../../src/verdict/evaluate.js';

describe('specs a pull request description links', () => {
  test('a line that starts with the prefix names a path; list items and quotes count, case does not matter', () => {
    const body = ['Adds search.', '', 'Spec: docs/specs/search.md', '- spec: `./docs/specs/ranking.md`', '> SPEC: [the ADR](docs/adr/0007.md)', 'Spec:/docs/specs/root.md.'].join('\n');
    expect(linkedSpecs(body, 'Spec:').map(({ path, line, valid }) => ({ path, line, valid }))).toEqual([
      { path: 'docs/specs/search.md', line: 3, valid: true },
      { path: 'docs/specs/ranking.md', line: 4, valid: true },
      { path: 'docs/adr/0007.md', line: 5, valid: true },
      { path: 'docs/specs/root.md', line: 6, valid: true },
    ]);
  });

  test('lines in code blocks, mid-line mentions, an empty link and a repeated path are not links', () => {
    const body = ['```', 'Spec: docs/specs/example.md', '```', 'See Spec: docs/specs/a.md', 'Spec:', '<!-- Spec: docs/specs/template.md -->', 'Spec: docs/specs/b.md', 'Spec: docs/specs/b.md'].join('\r\n');
    expect(linkedSpecs(body, 'Spec:').map((link) => link.path)).toEqual(['docs/specs/b.md']);
  });

  test('a URL or a path out of the repository is kept, marked invalid, so it gets a finding', () => {
    const links = linkedSpecs('Spec: https://example.com/spec.md\nSpec: ../other/spec.md', 'Spec:');
    expect(links.map(({ path, valid }) => ({ path, valid }))).toEqual([
      { path: 'https://example.com/spec.md', valid: false },
      { path: '../other/spec.md', valid: false },
    ]);
  });

  test('another prefix, an empty prefix (off) and no body', () => {
    expect(linkedSpecs('Design doc: docs/x.md\nSpec: docs/y.md', 'Design doc:').map((link) => link.path)).toEqual(['docs/x.md']);
    expect(linkedSpecs('Spec: docs/y.md', '')).toEqual([]);
    expect(linkedSpecs(null, 'Spec:')).toEqual([]);
  });

  test(`at most ${MAX_LINKED_SPECS} links are followed`, () => {
    const body = Array.from({ length: 50 }, (_, index) => `Spec: docs/specs/${index}.md`).join('\n');
    expect(linkedSpecs(body, 'Spec:')).toHaveLength(MAX_LINKED_SPECS);
  });

  test('a linked spec that does not exist is one error finding that says where the link is', () => {
    const [link] = linkedSpecs('Fixes it.\nSpec: docs/specs/gone.md', 'Spec:');
    expect(missingLinkedSpec(link!, 'ec26c3e57ca3a959ca5aad62de7213c562f8c821').report).toEqual({
      path: 'docs/specs/gone.md',
      template: '-',
      findings: [
        {
          rule: 'linked-spec-missing',
          severity: 'error',
          section: '(file)',
          line: 1,
          message:
            "The pull request links \"docs/specs/gone.md\" on the description's line 2 (`Spec: docs/specs/gone.md`), but no such file exists at the head commit ec26c3e. Fix the path in the description, or add the spec.",
        },
      ],
    });
  });
});
