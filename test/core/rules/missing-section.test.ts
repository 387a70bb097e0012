import { check, ofRule, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
//   Summary, Motivation, Design (Risks, Alternatives (optional)), Security, Rollout, Appendix (Optional)
const missing = (spec: string, options = {}) => ofRule(check(`rules/missing-section/${spec}`, 'design-doc', options), 'missing-section');

describe('missing-section', () => {
  test('a section missing between two others belongs before the next one the spec has', () => {
    const findings = missing('middle.md');
    expect(findings).toHaveLength(1);
    expect(findings).toMatchObject([
      {
        rule: 'missing-section',
        severity: 'error',
        section: 'Motivation',
        line: 7,
        insertBeforeLine: 7,
        insertText: '## Motivation\n\n<!--\n- What problem does this solve?\n- Why does it matter now?\n-->',
        message: 'Section "Motivation" is missing. Add it before line 7.',
      },
    ]);
  });

  test('a missing last section belongs after the previous one: at the end of the document, lineCount + 1', () => {
    const findings = missing('last.md');
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Rollout', line: 21 }]);
    // The file has 21 lines: the insertion point is past the end, but the finding's line stays inside.
    expect(findings[0]!.insertBeforeLine).toBe(22);
    expect(findings[0]!.message).toBe('Section "Rollout" is missing. Add it at the end of the document.');
  });

  test('after the previous section, not after a heading the template does not know', () => {
    const findings = missing('after-previous.md');
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Rollout', line: 23 }]);
    expect(findings[0]!.insertBeforeLine).toBe(23);
    expect(findings[0]!.message).toContain('Add it before line 23.');
  });

  test("the previous section's range stops where another template section's heading nests in it", () => {
    // "### Risks" sits under "## Security" by level, but it is Design's sub-section.
    const findings = missing('nested-other-section.md');
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Rollout', line: 19 }]);
    expect(findings[0]!.insertBeforeLine).toBe(19);
  });

  test('a missing sub-section belongs before its next sibling', () => {
    const findings = missing('before-next-sub-section.md');
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Risks', line: 15 }]);
    expect(findings[0]!.insertBeforeLine).toBe(15);
  });

  test('a missing sub-section with no sibling present goes at the end of its parent', () => {
    const findings = missing('end-of-parent.md');
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Risks', line: 15 }]);
    expect(findings[0]!.insertBeforeLine).toBe(15);
  });

  test('a missing parent is one finding that names its required sub-sections, not one per sub-section', () => {
    const findings = missing('parent-missing.md');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ section: 'Design', line: 11, insertBeforeLine: 11 });
    expect(findings[0]!.message).toBe('Section "Design" is missing. Add it with its sub-sections "Risks" before line 11.');
  });

  test('an empty file misses every required top-level section, each on line 1, to be added at its end', () => {
    const findings = missing('empty.md');
    expect(where(findings)).toEqual(
      ['Summary', 'Motivation', 'Design', 'Security', 'Rollout'].map((section) => ({ rule: 'missing-section', section, line: 1 })),
    );
    expect(findings.every((finding) => finding.insertBeforeLine === 1)).toBe(true);
    expect(findings[0]!.message).toContain('at the end of the document');
  });

  test('a title alone: every section goes after it', () => {
    const findings = missing('title-only.md');
    expect(findings).toHaveLength(5);
    expect(findings.every((finding) => finding.line === 1 && finding.insertBeforeLine === 2)).toBe(true);
  });
});

describe('missing-section and optional sections', () => {
  test('optional sections (Alternatives, Appendix) may be absent', () => {
    expect(check('rules/missing-section/optional-absent.md', 'design-doc')).toEqual([]);
  });

  test('required: true makes an optional section required', () => {
    const findings = missing('middle.md', { sections: { Appendix: { required: true }, Alternatives: { required: true } } });
    expect(where(findings)).toEqual([
      { rule: 'missing-section', section: 'Motivation', line: 7 },
      { rule: 'missing-section', section: 'Alternatives', line: 15 },
      { rule: 'missing-section', section: 'Appendix', line: 21 },
    ]);
    expect(findings.map((finding) => finding.insertBeforeLine)).toEqual([7, 15, 22]);
  });

  test('required: false lets a required section be absent', () => {
    expect(where(missing('no-security.md'))).toEqual([{ rule: 'missing-section', section: 'Security', line: 19 }]);
    expect(missing('no-security.md', { sections: { Security: { required: false } } })).toEqual([]);
  });

  test("an absent optional parent does not make its required sub-sections missing", () => {
    // Design is required by the template; relaxed here, its required Risks is not asked for either.
    expect(missing('parent-missing.md', { sections: { Design: { required: false } } })).toEqual([]);
  });
});

describe('missing-section severity', () => {
  test("is an error by default, and configurable like any rule", () => {
    expect(missing('middle.md')[0]!.severity).toBe('error');
    expect(missing('middle.md', { rules: { 'missing-section': 'warning' } })[0]!.severity).toBe('warning');
    expect(missing('middle.md', { rules: { 'missing-section': 'off' } })).toEqual([]);
  });
});
