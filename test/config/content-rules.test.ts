import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_SECTION_RULES } from '../../src/config/builtin-template.js';
import { compilePolicy } from '../../src/config/compiled-policy.js';
import { defaultConfig, policyOptions } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/parse.js';
import { mergeConfigLayers } from '../../src/config/merge.js';
import { checkSpec } from '../../src/core/index.js';
import { defaultTemplateText } from '../helpers/core.js';
import { ROOT } from '../helpers/fixtures.js';

const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
const findingsOf = (spec: string, config = defaultConfig()) => checkSpec(spec, compilePolicy(defaultTemplateText(), policyOptions(config, undefined)).policy);

describe('the built-in template ships content rules as warnings', () => {
  test('a complete example spec meets them', () => {
    expect(findingsOf(COMPLETE)).toEqual([]);
  });

  test('a rollout that never says how to roll back, and acceptance criteria in prose, are warnings that do not fail the spec', () => {
    const spec = COMPLETE.replace('Rolling back is a feature flag; enforcement stops within a minute.', 'Enforcement is a feature flag.').replace(
      '- A load test shows fair sharing between two tenants with a 10:1 traffic ratio.\n- Contract tests',
      'A load test shows fair sharing between two tenants with a 10:1 traffic ratio. Contract tests',
    );
    const findings = findingsOf(spec);
    expect(findings.map(({ rule, severity, section }) => ({ rule, severity, section }))).toEqual([
      { rule: 'missing-content', severity: 'warning', section: 'Acceptance Criteria' },
      { rule: 'missing-content', severity: 'warning', section: 'Rollout' },
    ]);
  });

  test("the repository's own settings for those sections win, key by key", () => {
    const { config, problems } = validateConfig({ sections: { Rollout: { must_mention: ['feature flag'] }, 'acceptance criteria': { min_words: 1 } } });
    expect(problems).toEqual([]);
    const options = policyOptions(config, undefined);
    expect(options.sections).toEqual({ ...BUILTIN_SECTION_RULES, Rollout: { must_mention: ['feature flag'] }, 'acceptance criteria': { min_words: 1 } });
    const policy = compilePolicy(defaultTemplateText(), options).policy;
    const section = (name: string) => policy.template.all.find((candidate) => candidate.name === name)!;
    expect(policy.contentRules(section('Acceptance Criteria')).mustContain).toEqual(['list']);
    expect(policy.minWords(section('Acceptance Criteria'))).toBe(1);
  });

  test('a repository template starts with none', () => {
    expect(policyOptions(defaultConfig(), 'docs/specs/TEMPLATE.md').sections).toEqual({});
  });
});

describe('content rules in the configuration', () => {
  test('must_contain takes only the known kinds, and a misspelt key gets a hint', () => {
    const { problems } = validateConfig({ sections: { Rollout: { must_contain: ['lists'], forbid_phrases: ['x'] } } });
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('Unknown key "forbid_phrases" in "sections.Rollout"'),
      '"sections.Rollout.must_contain.0" must be one of: list, checklist, table, code, link.',
    ]);
  });

  test('under a lock, must_contain and forbid add up; a higher max_unchecked and another must_mention are ignored with a notice', () => {
    const org = { sections: { Rollout: { locked: true, must_contain: ['list'], forbid: ['big bang'], must_mention: ['rollback'], max_unchecked: 0 } } };
    const repo = { sections: { Rollout: { must_contain: ['table'], forbid: ['best effort'], must_mention: ['rollback', 'later'], max_unchecked: 3 } } };
    const { config, notices } = mergeConfigLayers([{ config: org, source: 'octo-org/.github:.github/specgate.yml' }, { config: repo }]);
    expect((config.sections as Record<string, unknown>).Rollout).toEqual({
      locked: true,
      must_contain: ['list', 'table'],
      forbid: ['big bang', 'best effort'],
      must_mention: ['rollback'],
      max_unchecked: 0,
    });
    expect(notices.map((notice) => notice.key)).toEqual(['sections.Rollout.max_unchecked', 'sections.Rollout.must_mention']);
  });
});
