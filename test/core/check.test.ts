import { checkSpec, createPolicy, parseSpec, parseTemplate, passes, type Finding } from '../../src/core/index.js';
import { fixture } from '../helpers/fixtures.js';
import { check, corpusFile, defaultTemplateText, policyFor, where } from '../helpers/core.js';

describe('checkSpec on a complete spec', () => {
  test('given a spec that fills every section of the default template, expect no findings and a pass', () => {
    const findings = check('check/complete.md', 'default');
    expect(findings).toEqual([]);
    expect(passes(findings)).toBe(true);
  });
});

describe('checkSpec on an incomplete spec', () => {
  // Template: test/fixtures/templates/design-doc.md, with Rollout asked for five words.
  const options = { sections: { Rollout: { min_words: 5 } } };
  const findings = check('check/incomplete.md', 'design-doc', options);

  test('expect every finding, sorted by line; on one line errors come first, then by rule', () => {
    expect(where(findings)).toEqual([
      { rule: 'placeholder-text', section: 'Summary', line: 5 },
      { rule: 'empty-section', section: 'Design', line: 7 },
      { rule: 'missing-section', section: 'Motivation', line: 7 },
      { rule: 'empty-section', section: 'Risks', line: 9 },
      { rule: 'short-section', section: 'Rollout', line: 13 },
      { rule: 'section-order', section: 'Rollout', line: 13 },
    ]);
  });

  test('each finding carries the severity its rule has in the policy', () => {
    expect(findings.map((finding) => finding.severity)).toEqual(['warning', 'error', 'error', 'error', 'warning', 'notice']);
  });

  test('overriding severities changes them, and "off" drops the rule', () => {
    const changed = check('check/incomplete.md', 'design-doc', {
      ...options,
      rules: { 'placeholder-text': 'error', 'empty-section': 'warning', 'section-order': 'off' },
    });
    expect(changed.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['placeholder-text', 'error'],
      ['missing-section', 'error'],
      ['empty-section', 'warning'],
      ['empty-section', 'warning'],
      ['short-section', 'warning'],
    ]);
  });

  test('the spec does not pass: it has errors', () => {
    expect(passes(findings)).toBe(false);
  });

  test('a parsed document gives the same findings as its text', () => {
    const policy = policyFor('design-doc', options);
    const text = fixture('specs/check/incomplete.md');
    expect(checkSpec(parseSpec(text), policy)).toEqual(checkSpec(text, policy));
  });
});

describe('passes', () => {
  const finding = (severity: Finding['severity']): Finding => ({ rule: 'short-section', severity, section: 'Summary', line: 1, message: 'm' });

  test('a spec passes when no finding is an error', () => {
    expect(passes([])).toBe(true);
    expect(passes([finding('warning'), finding('notice')])).toBe(true);
    expect(passes([finding('notice'), finding('error')])).toBe(false);
  });

  test('warnings alone pass: a spec with only placeholder-text warnings', () => {
    const findings = check('rules/placeholder-text/owners.md', 'design-doc');
    expect(findings.length).toBeGreaterThan(0);
    expect(passes(findings)).toBe(true);
  });
});

describe('a template checked against itself', () => {
  // Every section still holds its guidance (or, in the KEP template, only comments): none is done.
  function findingsOnItself(text: string) {
    const parsed = parseTemplate(text);
    const { policy } = createPolicy(parsed);
    return { parsed, findings: checkSpec(text, policy) };
  }

  test('the default template: twelve sections of unchanged guidance', () => {
    const { findings } = findingsOnItself(defaultTemplateText());
    expect(findings).toHaveLength(12);
    expect(findings.every((finding) => finding.rule === 'placeholder-section' && finding.message.includes("template's guidance"))).toBe(true);
    expect(findings[0]).toMatchObject({ section: 'Context & Goal', line: 3 });
  });

  test('the Rust RFC template: nine sections of guidance', () => {
    const { findings } = findingsOnItself(corpusFile('rust-rfcs/0000-template.md'));
    expect(findings.map((finding) => [finding.rule, finding.section])).toEqual(
      ['Summary', 'Motivation', 'Guide-level explanation', 'Reference-level explanation', 'Drawbacks', 'Rationale and alternatives', 'Prior art', 'Unresolved questions', 'Future possibilities'].map(
        (section) => ['placeholder-section', section],
      ),
    );
  });

  test('the KEP template: each section is empty (guidance in comments) or guidance, one finding per section, but its checklists', () => {
    const { parsed, findings } = findingsOnItself(corpusFile('kubernetes-keps/keps/NNNN-kep-template/README.md'));
    // The Release Signoff Checklist and Test Plan's "[ ] I/we understand …" are boxes to tick, kept as they are.
    const checklists = ['Release Signoff Checklist', 'Test Plan'];
    expect(findings).toHaveLength(parsed.all.length - checklists.length);
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(new Set(['empty-section', 'placeholder-section']));
    expect(findings.find((finding) => finding.section === 'Summary')).toMatchObject({ rule: 'empty-section', line: 162 });
    expect(findings.filter((finding) => checklists.includes(finding.section))).toEqual([]);
  });
});

describe('checkSpec on real documents from the corpus', () => {
  test('an early Rust RFC, written before the template, is checked without error and every finding is inside it', () => {
    const text = corpusFile('rust-rfcs/text/0114-closures.md');
    const { policy } = createPolicy(parseTemplate(corpusFile('rust-rfcs/0000-template.md')));
    const findings = checkSpec(text, policy);
    const { lineCount } = parseSpec(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.line >= 1 && finding.line <= lineCount)).toBe(true);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'placeholder-text', line: 367, message: expect.stringContaining('"TBD"') }));
  });
});
