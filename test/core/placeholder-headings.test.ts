import { createPolicy } from '../../src/core/index.js';
import { isPlaceholderHeading } from '../../src/core/placeholder-heading.js';
import { check, ofRule, template } from '../helpers/core.js';

const withUnknown = { rules: { 'unknown-section': 'warning' as const } };

describe('template headings that are themselves placeholders', () => {
  // Template: test/fixtures/templates/placeholder-headings.md (MADR-style options, <Component name>, [Another component]).
  const parsed = template('placeholder-headings');

  test('are read as placeholders, never as names to require', () => {
    expect(parsed.all.map((section) => [section.name, section.placeholder, section.key])).toEqual([
      ['Context', false, 'context'],
      ['Considered Options', false, 'considered options'],
      ['Pros and Cons of the Options', false, 'pros and cons of the options'],
      ['{title of option 1}', true, ''],
      ['{title of other option}', true, ''],
      ['Components', false, 'components'],
      // The parser reads `<Component name>` as an HTML tag; the name comes from the source line.
      ['<Component name>', true, ''],
      ['[Another component]', true, ''],
      ['Decision', false, 'decision'],
    ]);
    expect(parsed.title).toBe('{short title of the decision}');
  });

  test("a spec's own headings in their place are neither unknown, duplicate, out of order, nor missing anything", () => {
    expect(check('structure/options.md', 'placeholder-headings', withUnknown)).toEqual([]);
  });

  test('the configuration cannot require a placeholder: its text names no section', () => {
    const { policy, problems } = createPolicy(parsed, { sections: { '{title of option 1}': { required: true } } });
    expect(problems.map((problem) => problem.path)).toEqual([['sections', '{title of option 1}']]);
    expect(parsed.all.filter((section) => section.placeholder).some((section) => policy.isRequired(section))).toBe(false);
  });

  test('a missing parent is inserted without the placeholder headings under it', () => {
    const missing = ofRule(check('structure/options-missing.md', 'placeholder-headings'), 'missing-section');
    expect(missing.map((finding) => finding.section)).toEqual(['Pros and Cons of the Options', 'Components', 'Decision']);
    for (const finding of missing) {
      const headings = finding.insertText!.split('\n').filter((line) => line.startsWith('#'));
      expect(headings).toEqual([`## ${finding.section}`]);
      expect(finding.message).not.toMatch(/sub-sections/);
    }
  });

  test('a placeholder at the top takes the headings between its neighbours, and only those', () => {
    // Template: `# <!-- short title -->`, ## Summary, ## <Feature name>, ## Rollout (MADR's bare style).
    const bare = template('placeholder-top-level');
    expect(bare.all.map((section) => [section.name, section.placeholder])).toEqual([
      ['Summary', false],
      ['<Feature name>', true],
      ['Rollout', false],
    ]);
    const findings = check('structure/features-top-level.md', 'placeholder-top-level', withUnknown);
    expect(findings.map((finding) => [finding.rule, finding.section, finding.line])).toEqual([['unknown-section', 'Appendix', 19]]);
  });
});

describe('isPlaceholderHeading', () => {
  test.each([
    ['{title of option 1}', '### {title of option 1}'],
    ['', '## <Option name>'],
    ['[Feature name]', '## [Feature name]'],
    ['User Story 1 - [Brief Title] (Priority: P1)', '### User Story 1 - [Brief Title] (Priority: P1)'],
    ['', '# <!-- short title, representative of solved problem and found solution -->'],
    ['', '## <role>'],
  ])('%j (%s) is a placeholder', (text, source) => {
    expect(isPlaceholderHeading(text, source)).toBe(true);
  });

  test.each([
    ['Summary', '## Summary <a name="summary"></a>'],
    ['The Option<T> type', '## The `Option<T>` type'],
    ['Drawbacks [optional]', '## Drawbacks [optional]'],
    ['Use  tag', '## Use <details> tag'],
    ['Method', '## Method {#method}'],
    ['Links', '## [Links](#links)'],
    ['Sup1', '## Sup<sup>1</sup>'],
  ])('%j (%s) is a heading to copy', (text, source) => {
    expect(isPlaceholderHeading(text, source)).toBe(false);
  });
});
