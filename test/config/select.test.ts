import { defaultConfig, type SpecgateConfig } from '../../src/config/load.js';
import { specSelector, templateFor } from '../../src/config/select.js';

const config = (overrides: Partial<SpecgateConfig>): SpecgateConfig => ({ ...defaultConfig(), ...overrides });

describe('which files are specs', () => {
  const isSpec = specSelector(defaultConfig());

  test.each([
    ['docs/specs/billing.md', true],
    ['docs/specs/2026/q1/search.md', true],
    ['specs/auth.md', true],
    ['services/api/rate-limit.spec.md', true],
    ['docs/specs/TEMPLATE.md', false],
    ['docs/guide.md', false],
    ['docs/specs/diagram.png', false],
    ['README.md', false],
  ])('by default, %s is a spec: %s', (path, expected) => {
    expect(isSpec(path)).toBe(expected);
  });

  test('ignore wins over paths, and the template itself is never a spec', () => {
    const select = specSelector(config({ paths: ['rfcs/**/*.md'], ignore: ['rfcs/archive/**'], template: 'rfcs/0000-template.md' }));
    expect(select('rfcs/0042-shapes.md')).toBe(true);
    expect(select('rfcs/archive/0001-old.md')).toBe(false);
    expect(select('rfcs/0000-template.md')).toBe(false);
  });
});

describe('which template a spec follows', () => {
  const templates = config({
    template: 'docs/TEMPLATE.md',
    templates: { 'docs/**': 'docs/generic.md', 'docs/adr/**': 'docs/adr/TEMPLATE.md', 'docs/adr/security/**': 'docs/adr/security.md' },
  });

  test('the most specific matching glob wins', () => {
    expect(templateFor('docs/adr/security/0007-tls.md', templates)).toBe('docs/adr/security.md');
    expect(templateFor('docs/adr/0003-queues.md', templates)).toBe('docs/adr/TEMPLATE.md');
    expect(templateFor('docs/design/search.md', templates)).toBe('docs/generic.md');
  });

  test('no matching glob falls back to template, and no template to the built-in one', () => {
    expect(templateFor('specs/auth.md', templates)).toBe('docs/TEMPLATE.md');
    expect(templateFor('specs/auth.md', defaultConfig())).toBeUndefined();
  });
});
