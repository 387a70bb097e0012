import { check, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md, whose sections are ## headings.
const ON = { rules: { 'unknown-section': 'warning' as const } };

describe('unknown-section', () => {
  test('is off by default', () => {
    expect(check('rules/unknown-section/extras.md', 'design-doc')).toEqual([]);
  });

  test('when on, flags headings at the section level the template does not have; not the title, not deeper sub-headings', () => {
    const findings = check('rules/unknown-section/extras.md', 'design-doc', ON);
    expect(where(findings)).toEqual([
      { rule: 'unknown-section', section: 'Background', line: 7 },
      { rule: 'unknown-section', section: 'FAQ', line: 35 },
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', message: 'Heading "Background" is not a section of the template.' });
  });

  test('with two # headings neither is a title, so both are unknown', () => {
    expect(where(check('rules/unknown-section/two-h1.md', 'design-doc', ON))).toEqual([
      { rule: 'unknown-section', section: 'Search Cache', line: 1 },
      { rule: 'unknown-section', section: 'Benchmarks', line: 27 },
    ]);
  });

  test('an aliased heading is known', () => {
    const findings = check('rules/unknown-section/extras.md', 'design-doc', { ...ON, sections: { Motivation: { aliases: ['Background'] } } });
    expect(findings.map((finding) => finding.section)).not.toContain('Background');
  });

  test('any severity can be chosen', () => {
    const findings = check('rules/unknown-section/extras.md', 'design-doc', { rules: { 'unknown-section': 'error' } });
    expect(findings.map((finding) => finding.severity)).toEqual(['error', 'error']);
  });
});
