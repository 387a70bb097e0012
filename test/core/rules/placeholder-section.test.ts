import { check, ofRule, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
const findingsFor = (spec: string, options = {}) => check(`rules/placeholder-section/${spec}`, 'design-doc', options);

describe("placeholder-section: the template's guidance left unchanged", () => {
  const findings = findingsFor('guidance-left.md');

  test('given sections that still hold only their guidance, each is a placeholder section', () => {
    expect(where(findings)).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-section', section: 'Motivation', line: 7 },
      { rule: 'placeholder-section', section: 'Security', line: 23 },
      { rule: 'placeholder-section', section: 'Rollout', line: 27 },
    ]);
  });

  test('the message says it is the guidance', () => {
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0]!.message).toBe('Section "Summary" still holds only the template\'s guidance. Replace it with the real content.');
  });

  test('changing only case and punctuation does not change the guidance (Security)', () => {
    expect(findings.map((finding) => finding.section)).toContain('Security');
  });

  test('guidance kept beside real text is fine: Design (comment + text) and Risks (guidance bullet + a real one)', () => {
    const sections = findings.map((finding) => finding.section);
    expect(sections).not.toContain('Design');
    expect(sections).not.toContain('Risks');
  });
});

describe('placeholder-section: only placeholder tokens', () => {
  const findings = findingsFor('tokens-only.md');

  test('TBD, TODO, FIXME, ???, <role>-style tokens and [NEEDS CLARIFICATION ...] alone are placeholders', () => {
    expect(where(findings)).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-section', section: 'Motivation', line: 7 },
      { rule: 'placeholder-section', section: 'Design', line: 12 },
      { rule: 'placeholder-section', section: 'Risks', line: 16 },
      { rule: 'placeholder-section', section: 'Security', line: 20 },
      { rule: 'placeholder-section', section: 'Rollout', line: 24 },
    ]);
  });

  test('the message says placeholders', () => {
    expect(findings[0]!.message).toBe('Section "Summary" still holds only placeholders. Replace it with the real content.');
  });

  test('inline <owner> <team> tags are blanks to fill, not an empty section (Risks)', () => {
    expect(ofRule(findings, 'empty-section')).toEqual([]);
  });

  test('no placeholder-text warning repeats what the error already says', () => {
    expect(ofRule(findings, 'placeholder-text')).toEqual([]);
  });
});

describe('placeholder-section: guidance mixed with tokens or real text', () => {
  test('guidance plus a TBD is still nothing of the author\'s own; a guidance bullet with words added is written', () => {
    expect(where(findingsFor('mixed.md'))).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-text', section: 'Design', line: 16 },
    ]);
  });

  test('severity is configurable', () => {
    expect(ofRule(findingsFor('tokens-only.md', { rules: { 'placeholder-section': 'warning' } }), 'placeholder-section')[0]!.severity).toBe('warning');
    expect(ofRule(findingsFor('tokens-only.md', { rules: { 'placeholder-section': 'off' } }), 'placeholder-section')).toEqual([]);
  });
});
