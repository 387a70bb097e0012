import { check, ofRule, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
const empty = (spec: string, options = {}) => ofRule(check(`rules/empty-section/${spec}`, 'design-doc', options), 'empty-section');

describe('empty-section', () => {
  test('given a spec whose sections hold only a comment, blank lines, a link definition, sub-headings or a rule, each is empty', () => {
    expect(where(empty('hollow.md'))).toEqual([
      { rule: 'empty-section', section: 'Summary', line: 3 },
      { rule: 'empty-section', section: 'Motivation', line: 7 },
      { rule: 'empty-section', section: 'Security', line: 17 },
      { rule: 'empty-section', section: 'Rollout', line: 21 },
      { rule: 'empty-section', section: 'Appendix', line: 27 },
    ]);
  });

  test('the message names the section and says comments do not count', () => {
    const [summary] = empty('hollow.md');
    expect(summary).toMatchObject({ severity: 'error', section: 'Summary' });
    expect(summary!.message).toBe('Section "Summary" is empty. Write its content under the heading (comments do not count).');
  });

  test('a parent whose sub-section has content is not empty (Design, through Risks)', () => {
    const sections = empty('hollow.md').map((finding) => finding.section);
    expect(sections).not.toContain('Design');
    expect(sections).not.toContain('Risks');
  });

  test('an optional section that is present must still say something (Appendix)', () => {
    expect(empty('hollow.md').map((finding) => finding.section)).toContain('Appendix');
  });

  test("a sub-heading that is another template section does not fill its parent: Design and Risks are empty, Security is not", () => {
    const findings = check('rules/empty-section/other-section-inside.md', 'design-doc');
    expect(where(ofRule(findings, 'empty-section'))).toEqual([
      { rule: 'empty-section', section: 'Design', line: 11 },
      { rule: 'empty-section', section: 'Risks', line: 13 },
    ]);
  });

  test('a diagram without alt text, or a table, is content', () => {
    expect(empty('diagram-and-table.md')).toEqual([]);
  });

  test('an empty section is not also a missing, placeholder or short one', () => {
    const rules = new Set(check('rules/empty-section/hollow.md', 'design-doc', { sections: { Summary: { min_words: 10 } } }).map((finding) => finding.rule));
    expect([...rules]).toEqual(['empty-section']);
  });

  test('severity is configurable', () => {
    expect(empty('hollow.md', { rules: { 'empty-section': 'warning' } }).every((finding) => finding.severity === 'warning')).toBe(true);
    expect(empty('hollow.md', { rules: { 'empty-section': 'off' } })).toEqual([]);
  });
});
