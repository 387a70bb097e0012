import { newProblemsOnly } from '../../src/core/baseline.js';
import { checkSpecInContext } from '../../src/core/check.js';
import type { Finding } from '../../src/core/index.js';
import type { PolicyOptions } from '../../src/core/policy.js';
import { fixture } from '../helpers/fixtures.js';
import { policyFor } from '../helpers/core.js';

const check = (name: string, options: PolicyOptions = {}) => checkSpecInContext(fixture(`specs/lifecycle/${name}.md`), policyFor('rfc-lifecycle', options));
const brief = (findings: readonly Finding[]) => findings.map((finding) => `${finding.severity} ${finding.section}`);
const finding = (section: string, line: number, rule: Finding['rule'] = 'empty-section'): Finding => ({
  rule,
  severity: 'error',
  section,
  line,
  message: `Section "${section}" is empty.`,
});

describe('enforce: new-problems', () => {
  test('a typo fix in an old spec that lacks two sections passes: both gaps are existing debt', () => {
    const { findings, outcome } = newProblemsOnly(check('old-rfc-typo-fixed'), check('old-rfc'));
    expect(outcome).toBe('compared');
    expect(brief(findings)).toEqual(['notice Rollout', 'notice Prior art']);
    expect(findings[0]!.message).toMatch(/^existing: Section "Rollout" is missing\./);
  });

  test('a new spec with the same gaps fails: a file without a base version is new in full', () => {
    const { findings, outcome } = newProblemsOnly(check('new-rfc'), undefined);
    expect(outcome).toBe('new-file');
    expect(brief(findings)).toEqual(['error Rollout', 'error Prior art']);
  });

  test('the same rule and section match wherever the line moved; another rule or section is new', () => {
    const base = { findings: [finding('Motivation', 12), finding('Summary', 3)] };
    const head = { findings: [finding('Summary', 9), finding('Motivation', 20, 'placeholder-section'), finding('Rollout', 30)] };
    expect(newProblemsOnly(head, base).findings.map((item) => `${item.severity} ${item.rule} ${item.section}`)).toEqual([
      'notice empty-section Summary',
      'error placeholder-section Motivation',
      'error empty-section Rollout',
    ]);
  });

  test('a second copy of an existing finding is new (multiset)', () => {
    const head = { findings: [finding('Summary', 3), finding('Summary', 9)] };
    expect(brief(newProblemsOnly(head, { findings: [finding('Summary', 4)] }).findings)).toEqual(['notice Summary', 'error Summary']);
  });

  test('a spec whose status changed (Draft to Accepted) is held to everything at its new status', () => {
    const options: PolicyOptions = { statuses: { Draft: 'warnings', Accepted: 'all' } };
    const { findings, outcome } = newProblemsOnly(check('accepted-adr', options), check('draft-adr', options));
    expect(outcome).toBe('status-changed');
    expect(brief(findings)).toEqual(['error Rollout']);
  });
});
