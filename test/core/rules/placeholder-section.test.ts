import { check, ofRule, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
const findingsFor = (spec: string, options = {}) => check(`rules/placeholder-section/${spec}`, 'design-doc', options);

describe("placeholder-section: the template's guidance left unchanged", () => {
  // Guidance kept beside real text is leftover-guidance's to report (test/core/rules/leftover-guidance.test.ts).
  const findings = ofRule(findingsFor('guidance-left.md'), 'placeholder-section');

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
    expect(where(findingsFor('mixed.md').filter((finding) => finding.rule !== 'leftover-guidance'))).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-text', section: 'Design', line: 16 },
    ]);
  });

  test('severity is configurable', () => {
    expect(ofRule(findingsFor('tokens-only.md', { rules: { 'placeholder-section': 'warning' } }), 'placeholder-section')[0]!.severity).toBe('warning');
    expect(ofRule(findingsFor('tokens-only.md', { rules: { 'placeholder-section': 'off' } }), 'placeholder-section')).toEqual([]);
  });
});

describe('placeholder-section: placeholders in words', () => {
  test('"To be determined.", "Coming soon", "To be written.", "Will be added later." and "Needs discussion." alone are placeholders; "None." is an answer', () => {
    expect(where(findingsFor('spelled-out.md'))).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-section', section: 'Motivation', line: 7 },
      { rule: 'placeholder-section', section: 'Design', line: 11 },
      { rule: 'placeholder-section', section: 'Risks', line: 15 },
      { rule: 'placeholder-section', section: 'Security', line: 19 },
    ]);
  });
});

describe('placeholder-section: "N/A"', () => {
  const findings = findingsFor('not-applicable.md');

  test('is a placeholder only in a required section whose template gives an instruction, not a question', () => {
    // Motivation and Risks ask questions, which "N/A" answers; the Appendix is optional.
    expect(where(findings)).toEqual([
      { rule: 'placeholder-section', section: 'Design', line: 11 },
      { rule: 'placeholder-section', section: 'Security', line: 19 },
    ]);
  });

  test('the message says what is wrong and the two ways out', () => {
    expect(findings[0]!.message).toBe('Section "Design" says only "N/A", but the template asks for it. Say why it does not apply, or make it optional in the configuration.');
  });

  test('a section marked required in the configuration follows its template the same way', () => {
    expect(where(findingsFor('not-applicable.md', { sections: { Appendix: { required: true } } }))).toEqual([
      { rule: 'placeholder-section', section: 'Design', line: 11 },
      { rule: 'placeholder-section', section: 'Security', line: 19 },
      { rule: 'placeholder-section', section: 'Appendix', line: 27 },
    ]);
  });
});

describe('placeholder-section: "N/A" where the template says when a section applies', () => {
  test('a condition on a section ("not required until …") holds for its sub-sections; an instruction alone does not', () => {
    // Template: test/fixtures/templates/conditional.md.
    expect(where(check('rules/placeholder-section/not-applicable-conditional.md', 'conditional'))).toEqual([
      { rule: 'placeholder-section', section: 'Implementation History', line: 13 },
    ]);
  });

  test('"you may simply state so" and "if there are none, say so" allow it; an instruction alone does not', () => {
    // Template: test/fixtures/templates/nothing-will-do.md.
    expect(where(check('rules/placeholder-section/not-applicable-allowed.md', 'nothing-will-do'))).toEqual([
      { rule: 'placeholder-section', section: 'Alternatives', line: 15 },
    ]);
  });
});
