import { defaultConfig, policyOptions } from '../../src/config/load.js';
import { parseConfig, validateConfig } from '../../src/config/parse.js';
import { fixture } from '../helpers/fixtures.js';

const load = (name: string) => parseConfig(fixture(`config/${name}`));

describe('a valid configuration', () => {
  test('every key is read as written', () => {
    const { config, problems } = load('full.yml');
    expect(problems).toEqual([]);
    expect(config).toEqual({
      paths: ['docs/rfcs/**/*.md'],
      ignore: ['docs/rfcs/archive/**'],
      template: 'docs/rfcs/TEMPLATE.md',
      templates: { 'docs/rfcs/adr/**': 'docs/rfcs/adr/TEMPLATE.md' },
      named_templates: { adr: 'docs/rfcs/adr/TEMPLATE.md' },
      sections: {
        Security: { locked: true, min_words: 30, aliases: ['Threat Model'], must_contain: ['list', 'link'], must_mention: ['threat model'], forbid: ['best effort'], max_unchecked: 1 },
        'Open Questions': { required: false },
        Rollout: { required_from: 'Accepted', required_since: '2023-06-01' },
      },
      placeholders: ['TBD', 'XXX'],
      max_file_size: 2048,
      check_name: 'Specs',
      comment: 'always',
      // `false` is the older spelling of `never`.
      review_comments: 'never',
      annotations: false,
      draft: 'enforce',
      skip_label: 'no-spec',
      require_spec: { when_changed: ['src/**'] },
      spec_link_prefix: 'Design:',
      order: 'error',
      rules: { 'unknown-section': 'warning' },
      enforce: 'new-problems',
      statuses: { Draft: 'warnings', Accepted: 'all', Withdrawn: 'off' },
      status_order: ['Draft', 'Proposed', 'Accepted'],
      status_keys: ['state', 'status'],
      date_keys: ['created'],
      waivers: { allowed: { permission: 'admin', codeowners: true, teams: ['octo-org/spec-reviewers'] } },
    });
  });

  test.each([
    ['true', 'all'],
    ['all', 'all'],
    ['suggestions', 'suggestions'],
    ['never', 'never'],
  ])('review_comments: %s means %s', (written, meant) => {
    const { config, problems } = parseConfig(`review_comments: ${written}\n`);
    expect(problems).toEqual([]);
    expect(config.review_comments).toBe(meant);
  });

  test('review_comments: sometimes is a problem on its line', () => {
    expect(parseConfig('comment: always\nreview_comments: sometimes\n').problems).toEqual([expect.objectContaining({ key: 'review_comments', line: 2 })]);
  });

  test.each(['empty.yml', 'comments-only.yml'])('%s gives the documented defaults', (name) => {
    const { config, problems } = load(name);
    expect(problems).toEqual([]);
    expect(config).toEqual(defaultConfig());
    expect(config.paths).toEqual(['docs/specs/**/*.md', 'specs/**/*.md', '**/*.spec.md']);
    expect(config.max_file_size).toBe(1024 * 1024);
    expect(config.template).toBeUndefined();
    expect(config).toMatchObject({ check_name: 'Spec completeness', comment: 'on-failure', review_comments: 'suggestions', annotations: true, draft: 'neutral', skip_label: 'spec-check: skip' });
    expect(config.require_spec).toBeUndefined();
    expect(config).toMatchObject({ enforce: 'all', statuses: {}, status_keys: ['status'], date_keys: ['created', 'start-date', 'date'] });
    expect(config.status_order).toBeUndefined();
  });

  test('statuses and dates reach the core only when set, so other configurations compile as before', () => {
    expect(Object.keys(policyOptions(defaultConfig(), 'TEMPLATE.md'))).toEqual(['sections', 'placeholders', 'rules']);
    expect(policyOptions(load('full.yml').config, 'docs/rfcs/TEMPLATE.md')).toMatchObject({ status_order: ['Draft', 'Proposed', 'Accepted'], status_keys: ['state', 'status'], date_keys: ['created'] });
  });

  test('order is the severity of section-order for the core', () => {
    const { config } = load('full.yml');
    expect(policyOptions(config, undefined).rules).toEqual({ 'section-order': 'error', 'unknown-section': 'warning' });
  });
});

describe('a configuration with mistakes names each key and its line', () => {
  test('an unknown key, with the key it resembles', () => {
    expect(load('unknown-key.yml').problems).toEqual([
      expect.objectContaining({ key: 'pathz', line: 3, message: expect.stringContaining('Unknown key "pathz". Did you mean "paths"?') }),
    ]);
  });

  test('an unknown key inside a section', () => {
    expect(load('unknown-section-key.yml').problems).toEqual([
      expect.objectContaining({
        key: 'sections.Security.alias',
        line: 4,
        message: expect.stringContaining('Unknown key "alias" in "sections.Security". Did you mean "aliases"?'),
      }),
    ]);
  });

  test('wrong types and ranges', () => {
    const problems = load('wrong-types.yml').problems;
    expect(problems.map(({ key, line, message }) => ({ key, line, message }))).toEqual(
      expect.arrayContaining([
        { key: 'paths', line: 1, message: '"paths" must be a list.' },
        { key: 'max_file_size', line: 2, message: '"max_file_size" must be a whole number.' },
        { key: 'sections.Rollout.required', line: 5, message: '"sections.Rollout.required" must be true or false.' },
        { key: 'sections.Rollout.min_words', line: 6, message: '"sections.Rollout.min_words" must be >= 0.' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  test('an unknown rule and an unknown severity', () => {
    const problems = load('unknown-rule.yml').problems;
    expect(problems).toEqual([
      expect.objectContaining({ key: 'rules.missing-sections', line: 2, message: expect.stringContaining('Did you mean "missing-section"?') }),
      expect.objectContaining({ key: 'rules.section-order', line: 3, message: '"rules.section-order" must be one of: off, notice, warning, error.' }),
    ]);
  });

  test('required_from must name a status of the order; required_since must be a YYYY-MM-DD day', () => {
    expect(parseConfig('statuses: { Draft: warnings, Accepted: all }\nsections:\n  Rollout:\n    required_from: Final\n').problems).toEqual([
      { key: 'sections.Rollout.required_from', line: 4, message: '"Final" in "sections.Rollout.required_from" is not a status of the order: Draft, Accepted.' },
    ]);
    expect(parseConfig('sections:\n  Rollout: { required_from: accepted }\nstatus_order: [Draft, Accepted]\n').problems).toEqual([]);
    expect(parseConfig('sections:\n  Rollout: { required_since: 2023 }\n').problems).toEqual([expect.objectContaining({ key: 'sections.Rollout.required_since', line: 2 })]);
    expect(parseConfig('statuses: { Draft: lenient }\n').problems).toEqual([expect.objectContaining({ key: 'statuses.Draft', message: '"statuses.Draft" must be one of: all, warnings, off.' })]);
  });

  test('section-order set twice', () => {
    expect(load('order-twice.yml').problems).toEqual([expect.objectContaining({ key: 'order', line: 1 })]);
  });

  test('a problem leaves the defaults in place rather than half a configuration', () => {
    expect(load('unknown-key.yml').config).toEqual(defaultConfig());
  });
});

describe('input that is not a configuration at all', () => {
  test('broken YAML says where', () => {
    const [problem, ...rest] = load('broken.yml').problems;
    expect(rest).toEqual([]);
    expect(problem!.message).toMatch(/^The configuration is not valid YAML: /);
    expect(problem!.line).toBeGreaterThanOrEqual(1);
  });

  test('a key given twice', () => {
    expect(load('duplicate-key.yml').problems).toEqual([
      expect.objectContaining({ line: 3, message: 'The configuration is not valid YAML: Map keys must be unique' }),
    ]);
  });

  test('a billion-laughs alias bomb is refused, not expanded', () => {
    expect(load('billion-laughs.yml').problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Excessive alias count') }),
    ]);
  });

  test('a tag that asks for a function is refused, never evaluated', () => {
    const { problems, config } = load('evil-tag.yml');
    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^The configuration is not valid YAML: .*js\/function/) }),
    ]);
  });

  test('a list where a mapping belongs', () => {
    expect(load('not-a-mapping.yml').problems).toEqual([
      expect.objectContaining({ line: 1, message: 'The configuration must be a mapping of keys to values.' }),
    ]);
  });

  test('an object already parsed (as Probot hands it over) is validated the same way', () => {
    expect(validateConfig({ paths: 'x' }).problems).toEqual([expect.objectContaining({ key: 'paths', message: '"paths" must be a list.' })]);
    expect(validateConfig(null).problems).toHaveLength(1);
  });
});
