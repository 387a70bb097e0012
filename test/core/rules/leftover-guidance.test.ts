import { check, ofRule, where } from '../../helpers/core.js';

describe('leftover-guidance: the template’s guidance kept beside real text', () => {
  // Template: test/fixtures/templates/design-doc.md, whose guidance is plain prose.
  const findings = check('rules/leftover-guidance/kept.md', 'design-doc');
  const leftovers = ofRule(findings, 'leftover-guidance');

  test('given guidance kept verbatim, nearly so, or inside a paragraph of the author’s, each is a warning on its own line', () => {
    expect(where(leftovers)).toEqual([
      // A paragraph kept above the author's.
      { rule: 'leftover-guidance', section: 'Summary', line: 5 },
      // Two guidance bullets kept beside a bullet of the author's.
      { rule: 'leftover-guidance', section: 'Motivation', line: 11 },
      { rule: 'leftover-guidance', section: 'Motivation', line: 12 },
      // Quoted.
      { rule: 'leftover-guidance', section: 'Risks', line: 23 },
      // A word added ("who signs it off").
      { rule: 'leftover-guidance', section: 'Security', line: 29 },
      // The guidance sentence, then the author's answer in the same paragraph.
      { rule: 'leftover-guidance', section: 'Rollout', line: 34 },
    ]);
    expect(leftovers.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  test('the message quotes the start of the guidance and names the section', () => {
    expect(leftovers[0]!.message).toBe('The template\'s guidance "One paragraph: what are we building, and for …" is still in "Summary". Delete it, or replace it with the real content.');
  });

  test('guidance inside a code block is an example, not a leftover (Appendix), and no section is a placeholder', () => {
    expect(leftovers.map((finding) => finding.section)).not.toContain('Appendix');
    expect(ofRule(findings, 'placeholder-section')).toEqual([]);
  });

  test('severity is configurable', () => {
    const off = check('rules/leftover-guidance/kept.md', 'design-doc', { rules: { 'leftover-guidance': 'off' } });
    expect(ofRule(off, 'leftover-guidance')).toEqual([]);
    const errors = check('rules/leftover-guidance/kept.md', 'design-doc', { rules: { 'leftover-guidance': 'error' } });
    expect(ofRule(errors, 'leftover-guidance').every((finding) => finding.severity === 'error')).toBe(true);
  });
});

describe('leftover-guidance: sections of nothing but guidance are placeholder sections instead', () => {
  const findings = check('rules/leftover-guidance/near-only.md', 'design-doc');

  test('nearly the guidance alone, or the guidance plus a bare link, is a placeholder-section; a link alone is written', () => {
    expect(where(findings)).toEqual([
      { rule: 'placeholder-section', section: 'Summary', line: 3 },
      { rule: 'placeholder-section', section: 'Motivation', line: 7 },
      { rule: 'placeholder-section', section: 'Rollout', line: 26 },
    ]);
  });
});

describe('a template that explains itself in comments: its visible text is a draft answer or text to keep', () => {
  // Template: test/fixtures/templates/comment-guided.md (ERC- and KEP-like).
  const findings = check('rules/leftover-guidance/draft-and-kept.md', 'comment-guided');

  test('draft text beside real text is no leftover (the RFC 2119 sentence in Specification)', () => {
    expect(ofRule(findings, 'leftover-guidance')).toEqual([]);
  });

  test('draft text alone, a placeholder answer, or a blank form left as it was is a placeholder-section', () => {
    expect(where(findings)).toEqual([
      { rule: 'placeholder-section', section: 'Compatibility', line: 13 },
      { rule: 'placeholder-section', section: 'Security Considerations', line: 21 },
      { rule: 'placeholder-section', section: 'Monitoring', line: 30 },
    ]);
  });

  test('a checklist to tick, a section the template does not explain (Copyright), and "N/A" where the template allows it are complete', () => {
    const sections = findings.map((finding) => finding.section);
    expect(sections).not.toContain('Release Checklist');
    expect(sections).not.toContain('Copyright');
    expect(sections).not.toContain('Migration');
  });
});

describe('leftover-guidance: the template’s questions used as an outline', () => {
  const leftovers = ofRule(check('rules/leftover-guidance/answered-outline.md', 'design-doc'), 'leftover-guidance');

  test('a question kept as a list item with the answer inside the item is the author’s outline; a question kept as its own paragraph is a leftover', () => {
    expect(where(leftovers)).toEqual([{ rule: 'leftover-guidance', section: 'Risks', line: 23 }]);
  });
});
