import { check, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
describe('duplicate-section', () => {
  const findings = check('rules/duplicate-section/twice.md', 'design-doc');

  test('given a spec with Risks twice and Summary again at the end, each repeat is a warning on its own heading', () => {
    expect(where(findings)).toEqual([
      { rule: 'duplicate-section', section: 'Risks', line: 19 },
      { rule: 'duplicate-section', section: 'Summary', line: 31 },
    ]);
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  test('the message points back at the first one', () => {
    expect(findings[0]!.message).toBe('Section "Risks" appears again (first at line 15). Merge the two.');
    expect(findings[1]!.message).toBe('Section "Summary" appears again (first at line 3). Merge the two.');
  });

  test('a repeat spelled differently ("1. SUMMARY") is still the same section', () => {
    expect(findings[1]!.section).toBe('Summary');
  });

  test('the first heading is the section: the repeat at the end does not make Summary out of order', () => {
    expect(findings.some((finding) => finding.rule === 'section-order')).toBe(false);
  });

  test('severity is configurable', () => {
    expect(check('rules/duplicate-section/twice.md', 'design-doc', { rules: { 'duplicate-section': 'off' } })).toEqual([]);
  });
});

describe('a heading named like a section, inside another section', () => {
  const findings = check('rules/duplicate-section/nested-namesake.md', 'design-doc');

  test('is a sub-heading of that section, not the section again: no duplicate, and the real Security counts', () => {
    expect(findings.filter((finding) => finding.rule === 'duplicate-section')).toEqual([]);
    expect(findings.filter((finding) => finding.section === 'Security')).toEqual([]);
  });

  test('and it does not put Security out of order either', () => {
    expect(findings.some((finding) => finding.rule === 'section-order')).toBe(false);
  });
});

// Template: test/fixtures/templates/rfc.md (# Summary, # Motivation, # Detailed design, # Drawbacks).
describe('repeated structure inside the author\'s own sections', () => {
  test('several feature blocks, each with its own Motivation and Detailed design, are not duplicates', () => {
    expect(check('structure/feature-blocks.md', 'rfc')).toEqual([]);
  });

  test('without a top-level Motivation, the first feature\'s counts and the others are not duplicates', () => {
    expect(check('structure/feature-blocks-only.md', 'rfc')).toEqual([]);
  });

  test('a real repeat is reported on the repeat, never on the top-level section, even after a nested namesake', () => {
    const findings = check('structure/nested-first.md', 'rfc');
    expect(where(findings)).toEqual([{ rule: 'duplicate-section', section: 'Motivation', line: 19 }]);
    expect(findings[0]!.message).toBe('Section "Motivation" appears again (first at line 11). Merge the two.');
  });
});
