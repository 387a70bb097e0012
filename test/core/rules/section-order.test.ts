import { passes } from '../../../src/core/index.js';
import { check, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md (Summary, Motivation, Design, Risks, Security, Rollout)
const findingsFor = (options = {}) => check('rules/section-order/shuffled.md', 'design-doc', options);

describe('section-order', () => {
  test('given Security written before Motivation, only Security is out of order: the fewest moves', () => {
    const findings = findingsFor();
    expect(where(findings)).toEqual([{ rule: 'section-order', section: 'Security', line: 7 }]);
    expect(findings[0]!.message).toBe('Section "Security" is out of order: the template puts it after "Design" and before "Rollout".');
  });

  test('given the last section written first, it names where it belongs (after Security), not the first section it precedes', () => {
    const findings = check('rules/section-order/last-written-first.md', 'design-doc');
    expect(findings.filter((finding) => finding.rule === 'section-order').map((finding) => finding.message)).toEqual([
      'Section "Rollout" is out of order: the template puts it after "Security".',
    ]);
  });

  test('is a notice by default, so the spec still passes', () => {
    const findings = findingsFor();
    expect(findings[0]!.severity).toBe('notice');
    expect(passes(findings)).toBe(true);
  });

  test("rules: { 'section-order': 'error' } makes it fail the spec", () => {
    const findings = findingsFor({ rules: { 'section-order': 'error' } });
    expect(findings.map((finding) => finding.severity)).toEqual(['error']);
    expect(passes(findings)).toBe(false);
  });

  test("rules: { 'section-order': 'off' } turns it off", () => {
    expect(findingsFor({ rules: { 'section-order': 'off' } })).toEqual([]);
  });

  test('a spec in template order has no order finding', () => {
    expect(check('rules/missing-section/after-previous.md', 'design-doc').some((finding) => finding.rule === 'section-order')).toBe(false);
  });
});
