import { parseConfig } from '../../src/config/parse.js';
import { compilePolicies } from '../../src/config/policies.js';
import { fixture } from '../helpers/fixtures.js';

const TEMPLATE = '# Spec\n\n## Security\n\nThreats.\n\n## Rollout\n\nSteps.\n';

describe('templates and section settings are checked against the configuration that asked for them', () => {
  test('a section the template does not have points at its line, with the name it resembles', () => {
    const loaded = parseConfig(fixture('config/sections-typo.yml'));
    const policies = compilePolicies(loaded, ['docs/TEMPLATE.md'], new Map([['docs/TEMPLATE.md', TEMPLATE]]));
    expect(policies.problems).toEqual([
      { key: 'sections.Securty', line: 3, message: '"Securty" is not a section of the template. Did you mean "Security"?' },
    ]);
  });

  test('a template that does not exist points at the key that names it', () => {
    const loaded = parseConfig(fixture('config/missing-template.yml'));
    const policies = compilePolicies(loaded, ['docs/adr/TEMPLATE.md', 'docs/TEMPLATE.md'], new Map([['docs/TEMPLATE.md', TEMPLATE]]));
    expect(policies.problems).toEqual([
      { key: 'templates.docs/adr/**', line: 3, message: 'The template "docs/adr/TEMPLATE.md" does not exist.' },
    ]);
    expect(policies.get('docs/TEMPLATE.md')?.template.all.map((section) => section.name)).toEqual(['Security', 'Rollout']);
  });

  test('no template configured means the built-in one', () => {
    const policies = compilePolicies(parseConfig(''), [undefined], new Map());
    expect(policies.problems).toEqual([]);
    expect(policies.get(undefined)?.template.all.map((section) => section.name)).toContain('Acceptance Criteria');
  });

  test('with several templates, a section needs to be in one of them only', () => {
    const loaded = parseConfig('sections:\n  Rollout:\n    min_words: 5\n  Decision:\n    min_words: 5\n');
    const texts = new Map([
      ['a.md', TEMPLATE],
      ['b.md', '## Decision\n\nWhat we chose.\n'],
    ]);
    expect(compilePolicies(loaded, ['a.md', 'b.md'], texts).problems).toEqual([]);
  });

  test('a template without headings has nothing to require, and says so', () => {
    const policies = compilePolicies(parseConfig('template: t.md\n'), ['t.md'], new Map([['t.md', 'Just prose.\n']]));
    expect(policies.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('has no headings') })]);
  });
});
