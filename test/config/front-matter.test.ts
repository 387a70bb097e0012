import { declaredTemplate } from '../../src/config/front-matter.js';
import { defaultConfig, type SpecgateConfig } from '../../src/config/load.js';
import { parseConfig } from '../../src/config/parse.js';
import { compilePolicies } from '../../src/config/policies.js';
import { chooseTemplate, neededTemplates, specSelector } from '../../src/config/select.js';
import { unknownTemplateFile } from '../../src/verdict/evaluate.js';
import { fixture } from '../helpers/fixtures.js';

const named = (): SpecgateConfig => parseConfig(fixture('config/named-templates.yml')).config;

describe('the template a spec names in its front matter', () => {
  test.each([
    ['---\ntitle: Queues\ntemplate: adr\n---\n# Queues\n', { name: 'adr', line: 3 }],
    ['---\ntemplate: "rfc"   # the RFC one\n---\n', { name: 'rfc', line: 2 }],
    ["\uFEFF---\r\ntemplate: 'adr'\r\n---\r\n", { name: 'adr', line: 2 }],
    ['+++\ntitle = "x"\ntemplate = "adr"\n+++\n', { name: 'adr', line: 3 }],
  ])('%j names %j', (text, expected) => {
    expect(declaredTemplate(text)).toEqual(expected);
    expect(declaredTemplate(new TextEncoder().encode(text))).toEqual(expected);
  });

  test.each([
    ['no front matter', '# Title\n\ntemplate: adr\n'],
    ['the key after the front matter', '---\ntitle: x\n---\ntemplate: adr\n'],
    ['an unclosed fence', '---\ntemplate: adr\n# Title\n'],
    ['an empty value', '---\ntemplate:\n---\n'],
    ['a nested key', '---\nmeta:\n  template: adr\n---\n'],
    ['front matter not on the first line', '\n---\ntemplate: adr\n---\n'],
  ])('%s names none', (_name, text) => {
    expect(declaredTemplate(text)).toBeUndefined();
  });
});

describe('choosing a spec’s template', () => {
  test('front matter wins over the path globs and `template`', () => {
    const config = named();
    expect(chooseTemplate('docs/specs/queues.md', '---\ntemplate: adr\n---\n', config)).toEqual({ kind: 'template', template: 'docs/adr/TEMPLATE.md', by: 'front-matter' });
    expect(chooseTemplate('docs/adr/0001-x.md', '---\ntemplate: rfc\n---\n', config)).toEqual({ kind: 'template', template: 'docs/rfc/TEMPLATE.md', by: 'front-matter' });
  });

  test('without front matter the most specific glob decides, as before', () => {
    expect(chooseTemplate('docs/adr/0001-x.md', '# x\n', named())).toEqual({ kind: 'template', template: 'docs/adr/TEMPLATE.md', by: 'path' });
    expect(chooseTemplate('docs/specs/x.md', undefined, named())).toEqual({ kind: 'template', template: 'docs/TEMPLATE.md', by: 'path' });
  });

  test('a name the configuration does not define is an error finding on the front matter line, with the closest name', () => {
    const choice = chooseTemplate('docs/specs/x.md', '---\ntitle: x\ntemplate: adrr\n---\n', named());
    expect(choice).toEqual({ kind: 'unknown', name: 'adrr', line: 3, known: ['adr', 'rfc'] });
    expect(neededTemplates([choice])).toEqual([]);
    expect(unknownTemplateFile('docs/specs/x.md', choice as Extract<typeof choice, { kind: 'unknown' }>).report).toEqual({
      path: 'docs/specs/x.md',
      template: 'adrr (unknown)',
      findings: [
        {
          rule: 'unknown-template',
          severity: 'error',
          section: '(front matter)',
          line: 3,
          message: 'The front matter names the template "adrr", which the configuration does not define, so the spec was not checked. Did you mean "adr"? Named templates: adr, rfc.',
        },
      ],
    });
  });

  test('names are looked up as own keys only', () => {
    expect(chooseTemplate('a.md', '---\ntemplate: constructor\n---\n', defaultConfig())).toMatchObject({ kind: 'unknown', known: [] });
  });

  test('named templates are never specs themselves', () => {
    const isSpec = specSelector({ ...named(), paths: ['docs/**/*.md'] });
    expect(isSpec('docs/rfc/TEMPLATE.md')).toBe(false);
  });

  test('a named template that does not exist points at its key in named_templates', () => {
    const loaded = parseConfig(fixture('config/named-templates.yml'));
    const policies = compilePolicies(loaded, ['docs/rfc/TEMPLATE.md'], new Map());
    expect(policies.problems).toEqual([{ key: 'named_templates.rfc', line: 6, message: 'The template "docs/rfc/TEMPLATE.md" does not exist.' }]);
  });

  test('a template name with spaces is a configuration problem on its line', () => {
    expect(parseConfig('named_templates:\n  "my adr": docs/adr.md\n').problems).toEqual([
      {
        key: 'named_templates.my adr',
        line: 2,
        message: 'The template name "my adr" in "named_templates" must start with a letter or digit and hold only letters, digits, ".", "_" and "-".',
      },
    ]);
  });
});
