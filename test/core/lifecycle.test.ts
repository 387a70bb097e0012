import { checkSpecInContext } from '../../src/core/check.js';
import { insertMissingSections } from '../../src/core/fill.js';
import { parseSpec } from '../../src/core/index.js';
import { specDate, calendarDay } from '../../src/core/spec-date.js';
import { specStatus } from '../../src/core/status.js';
import type { PolicyOptions } from '../../src/core/policy.js';
import { fixture } from '../helpers/fixtures.js';
import { policyFor } from '../helpers/core.js';

const spec = (name: string) => fixture(`specs/lifecycle/${name}.md`);
const check = (name: string, options: PolicyOptions) => checkSpecInContext(spec(name), policyFor('rfc-lifecycle', options));
const brief = (name: string, options: PolicyOptions) =>
  check(name, options).findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.section}`);

describe("reading a spec's status", () => {
  const statusOf = (name: string, keys = ['status']) => specStatus(parseSpec(spec(name)), keys, { draft: 'warnings' });

  test('from a list item under the title (* Status: Draft), with the strictness its status maps to', () => {
    expect(statusOf('draft-adr')).toEqual({ value: 'Draft', line: 3, strictness: 'warnings' });
  });

  test('from a table row above the first section (| Status | Final |); a status not listed is held to all', () => {
    expect(statusOf('table-status')).toEqual({ value: 'Final', line: 3, strictness: 'all' });
  });

  test('from a section named Status, as Nygard ADRs write it', () => {
    expect(statusOf('status-section')).toMatchObject({ value: 'Proposed', line: 7 });
  });

  test('from front matter; keys are configurable and matched case-insensitively', () => {
    const document = parseSpec('---\nState: "Accepted"\n---\n# Summary\n\ntext\n');
    expect(specStatus(document, ['status'], {})).toBeUndefined();
    expect(specStatus(document, ['state'], {})).toEqual({ value: 'Accepted', line: 2, strictness: 'all' });
  });

  test('a Status: line inside a section of the document is not the spec status', () => {
    expect(specStatus(parseSpec('# Summary\n\nStatus: Draft\n\n# Motivation\n\ntext\n'), ['status'], {})).toBeUndefined();
  });
});

describe("reading a spec's date", () => {
  test('front matter start-date, a Date: line, a Created table row', () => {
    expect(specDate(parseSpec(spec('old-rfc')), ['created', 'start-date', 'date'])).toMatchObject({ day: '2019-03-10', key: 'start-date', line: 3 });
    expect(specDate(parseSpec(spec('status-section')), ['date'])).toMatchObject({ day: '2021-04-12', line: 3 });
    expect(specDate(parseSpec(spec('table-status')), ['created'])).toMatchObject({ day: '2018-11-30', line: 4 });
  });

  test('dates as specs write them, and text that is no date', () => {
    expect(['2019-3-1', '2019/03/10', '2019-03-10T12:00:00Z', '2019-03', 'March 2019', '2019-13-01', '(fill me in)'].map(calendarDay)).toEqual([
      '2019-03-01',
      '2019-03-10',
      '2019-03-10',
      '2019-03-01',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('statuses: strictness follows the status', () => {
  const statuses = { Draft: 'warnings', Accepted: 'all', Withdrawn: 'off' } as const;

  test('Draft: warnings turns every error into a warning, and the result names the status', () => {
    const result = check('draft-adr', { statuses });
    expect(result.findings.map((finding) => `${finding.severity} ${finding.section}`)).toEqual(['warning Rollout']);
    expect(result.status).toEqual({ value: 'Draft', line: 3, strictness: 'warnings' });
  });

  test('the same spec once Accepted is checked in full', () => {
    expect(brief('accepted-adr', { statuses })).toEqual(['error missing-section Rollout']);
  });

  test('Withdrawn: off reports nothing, whatever the case of the status', () => {
    expect(check('withdrawn-adr', { statuses })).toEqual({ findings: [], status: { value: 'withdrawn', line: 3, strictness: 'off' } });
  });

  test('without statuses in the configuration, the status is neither read nor reported', () => {
    expect(check('draft-adr', {})).toEqual({ findings: [expect.objectContaining({ severity: 'error', section: 'Rollout' })] });
  });
});

describe('required_from: a section required once the spec reaches a status', () => {
  const options: PolicyOptions = { statuses: { Draft: 'all', Accepted: 'all' }, sections: { Rollout: { required_from: 'Accepted' } } };

  test('a Draft may leave it out: a notice says why', () => {
    const [finding] = check('draft-adr', options).findings;
    expect(finding).toMatchObject({ rule: 'missing-section', severity: 'notice', section: 'Rollout' });
    expect(finding!.message).toBe(
      `Section "Rollout" is missing, and not required: this spec's status is Draft (line 3), and the section is required from Accepted on (required_from).`,
    );
  });

  test('an Accepted spec needs it; status_order decides the order when given', () => {
    expect(brief('accepted-adr', options)).toEqual(['error missing-section Rollout']);
    const reordered = { ...options, status_order: ['Accepted', 'Draft'] };
    expect(brief('draft-adr', reordered)).toEqual(['error missing-section Rollout']);
  });

  test('a spec that states no status, or one the order lacks, needs it', () => {
    expect(brief('old-rfc', options)).toContain('error missing-section Rollout');
    expect(brief('table-status', options)).toContain('error missing-section Rollout');
  });
});

describe('required_since: a section added to the template later', () => {
  const options: PolicyOptions = { sections: { 'Prior art': { required_since: '2023-06-01' }, Rollout: { required_since: '2023-06-01' } } };

  test('a spec dated before it does not need it: a notice names both dates', () => {
    const findings = check('old-rfc', options).findings;
    expect(findings.map((finding) => `${finding.severity} ${finding.section}`)).toEqual(['notice Rollout', 'notice Prior art']);
    expect(findings[1]!.message).toBe(
      'Section "Prior art" is missing, and not required: this spec is dated 2019-03-10 (start-date, line 3), before the section was added to the template (required_since: 2023-06-01).',
    );
  });

  test('filling the missing sections leaves out the ones not required', () => {
    const filled = insertMissingSections(spec('old-rfc'), check('old-rfc', { sections: { 'Prior art': { required_since: '2023-06-01' } } }).findings);
    expect(filled).toContain('# Rollout');
    expect(filled).not.toContain('# Prior art');
  });

  test('a spec dated after it, and a spec with no date, need it', () => {
    expect(brief('new-rfc', options)).toEqual(['error missing-section Rollout', 'error missing-section Prior art']);
    expect(brief('undated-rfc', options)).toEqual(['error missing-section Rollout', 'error missing-section Prior art']);
  });
});
