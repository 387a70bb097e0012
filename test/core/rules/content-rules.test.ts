import { check, ofRule, where } from '../../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md; spec: test/fixtures/specs/rules/content/mixed.md
const findingsFor = (sections: Record<string, object>, rules = {}) => check('rules/content/mixed.md', 'design-doc', { sections, rules });

describe('must_contain (missing-content)', () => {
  test('without content rules, a written spec has no content findings', () => {
    const findings = findingsFor({});
    for (const rule of ['missing-content', 'forbidden-phrase', 'unchecked-items'] as const) expect(ofRule(findings, rule)).toEqual([]);
  });

  test('each kind the section lacks is one warning on its heading', () => {
    const findings = ofRule(findingsFor({ Summary: { must_contain: ['list', 'table'] } }), 'missing-content');
    expect(findings.map(({ section, line, severity, message }) => ({ section, line, severity, message }))).toEqual([
      { section: 'Summary', line: 3, severity: 'warning', message: 'Section "Summary" has no list; the configuration asks for a list in it.' },
      { section: 'Summary', line: 3, severity: 'warning', message: 'Section "Summary" has no table; the configuration asks for a table in it.' },
    ]);
  });

  test('a link, a code block, a checklist and a list in a sub-section all count for the section', () => {
    expect(ofRule(findingsFor({ Motivation: { must_contain: ['link'] }, Design: { must_contain: ['code', 'checklist', 'list'] } }), 'missing-content')).toEqual([]);
  });

  test('a checklist is a list, but a list is not a checklist', () => {
    const findings = findingsFor({ Risks: { must_contain: ['list'] }, Motivation: { must_contain: ['checklist'] } });
    expect(where(ofRule(findings, 'missing-content'))).toEqual([{ rule: 'missing-content', section: 'Motivation', line: 7 }]);
  });

  test('must_mention needs one of its phrases in the text a reader sees; a phrase in code does not count', () => {
    const findings = ofRule(findingsFor({ Security: { must_mention: ['roll back'] }, Rollout: { must_mention: ['rollback', 'flag'] } }), 'missing-content');
    expect(findings.map(({ section, message }) => ({ section, message }))).toEqual([
      { section: 'Security', message: 'Section "Security" does not mention "roll back"; the configuration asks it to.' },
    ]);
  });

  test('must_mention with several phrases lists them all when none is there', () => {
    const [finding] = ofRule(findingsFor({ Rollout: { must_mention: ['rollback', 'revert'] } }), 'missing-content');
    expect(finding!.message).toBe('Section "Rollout" does not mention any of "rollback", "revert"; the configuration asks it to.');
  });

  test('an empty section is an empty-section error, not also missing content', () => {
    const findings = check('rules/short-section/terse.md', 'design-doc', { sections: { Security: { must_contain: ['table'] } } });
    expect(ofRule(findings, 'missing-content')).toEqual([]);
  });
});

describe('forbid (forbidden-phrase)', () => {
  test('a phrase is found case-insensitively across emphasis and a line break, on the line where it starts', () => {
    const findings = ofRule(findingsFor({ Design: { forbid: ['Best Effort', 'weighted sum'] } }), 'forbidden-phrase');
    expect(findings.map(({ section, line, message }) => ({ section, line, message }))).toEqual([
      { section: 'Design', line: 14, message: 'Section "Design" says "Best Effort", which the configuration forbids. Say what is meant instead.' },
      { section: 'Design', line: 14, message: 'Section "Design" says "weighted sum", which the configuration forbids. Say what is meant instead.' },
    ]);
  });

  test('whole words only: "rank" is not in "ranking", "click" is in "click study"', () => {
    const findings = ofRule(findingsFor({ Summary: { forbid: ['rank search results by clicks'] }, Motivation: { forbid: ['clicks', 'click'] } }), 'forbidden-phrase');
    expect(findings.map((finding) => finding.message)).toEqual([
      'Section "Motivation" says "click", which the configuration forbids. Say what is meant instead.',
    ]);
  });

  test('a phrase is text, not a pattern: regular-expression characters match themselves', () => {
    expect(ofRule(findingsFor({ Design: { forbid: ['best.*'] } }), 'forbidden-phrase')).toEqual([]);
    expect(ofRule(findingsFor({ Rollout: { forbid: ['10%'] } }), 'forbidden-phrase')).toHaveLength(1);
  });

  test('a phrase only in a code block or a code span is not said', () => {
    expect(ofRule(findingsFor({ Security: { forbid: ['roll back'] }, Rollout: { forbid: ['ranking-v2'] } }), 'forbidden-phrase')).toEqual([]);
  });
});

describe('max_unchecked (unchecked-items)', () => {
  test('more unticked items than allowed is one warning on the first unticked item; an item in a code block is not one', () => {
    const findings = ofRule(findingsFor({ Risks: { max_unchecked: 1 } }), 'unchecked-items');
    expect(findings.map(({ section, line, message }) => ({ section, line, message }))).toEqual([
      {
        section: 'Risks',
        line: 25,
        message: 'Section "Risks" has 2 unticked checklist items; the configuration allows at most 1. Tick what is done (`- [x]`) or remove what no longer applies.',
      },
    ]);
  });

  test('as many as allowed is fine; a parent counts its sub-sections\' items', () => {
    expect(ofRule(findingsFor({ Risks: { max_unchecked: 2 } }), 'unchecked-items')).toEqual([]);
    expect(where(ofRule(findingsFor({ Design: { max_unchecked: 0 } }), 'unchecked-items'))).toEqual([{ rule: 'unchecked-items', section: 'Design', line: 25 }]);
  });

  test('severities are configurable like any rule', () => {
    const findings = findingsFor({ Risks: { max_unchecked: 0 }, Summary: { must_contain: ['table'] }, Design: { forbid: ['best effort'] } }, {
      'missing-content': 'error',
      'forbidden-phrase': 'off',
      'unchecked-items': 'notice',
    });
    expect(ofRule(findings, 'missing-content').map((finding) => finding.severity)).toEqual(['error']);
    expect(ofRule(findings, 'forbidden-phrase')).toEqual([]);
    expect(ofRule(findings, 'unchecked-items').map((finding) => finding.severity)).toEqual(['notice']);
  });
});
