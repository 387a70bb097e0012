import { parseSpec } from '../../src/core/index.js';
import { matchSections } from '../../src/core/match.js';
import { scopeBlocks, sectionState, type SectionState } from '../../src/core/section-state.js';
import { fixture } from '../helpers/fixtures.js';
import { policyFor } from '../helpers/core.js';

// Template: test/fixtures/templates/design-doc.md
const policy = policyFor('design-doc');

/** The state of each template section the spec has, by section name. */
function states(spec: string): Record<string, SectionState> {
  const document = parseSpec(fixture(`specs/${spec}`));
  const matching = matchSections(document, policy.template, policy.aliases);
  const result: Record<string, SectionState> = {};
  for (const [section, specs] of matching.bySection) result[section.name] = sectionState(specs[0]!, section, matching, policy, document.lines);
  return result;
}

describe('sectionState', () => {
  test('comments, blank lines, link definitions, bare sub-headings and rules leave a section empty', () => {
    expect(states('rules/empty-section/hollow.md')).toEqual({
      Summary: { fill: 'empty', words: 0 },
      Motivation: { fill: 'empty', words: 0 },
      Design: { fill: 'written', words: 14 },
      Risks: { fill: 'written', words: 14 },
      Security: { fill: 'empty', words: 0 },
      Rollout: { fill: 'empty', words: 0 },
      Appendix: { fill: 'empty', words: 0 },
    });
  });

  test("the template's guidance alone is 'guidance'; with words of the author's own it is 'written'", () => {
    const result = states('rules/placeholder-section/guidance-left.md');
    expect(result['Summary']).toEqual({ fill: 'guidance', words: 0 });
    expect(result['Security']).toEqual({ fill: 'guidance', words: 0 });
    expect(result['Risks']).toEqual({ fill: 'written', words: 12 });
  });

  test("tokens alone are 'placeholders'", () => {
    const result = states('rules/placeholder-section/tokens-only.md');
    expect(Object.values(result).every((state) => state.fill === 'placeholders' && state.words === 0)).toBe(true);
    expect(Object.keys(result)).toEqual(['Summary', 'Motivation', 'Design', 'Risks', 'Security', 'Rollout']);
  });

  test('words leave out tokens and guidance', () => {
    const result = states('rules/short-section/terse.md');
    expect(result['Motivation']).toEqual({ fill: 'written', words: 5 });
    expect(result['Rollout']).toEqual({ fill: 'written', words: 2 });
    expect(result['Design']).toEqual({ fill: 'written', words: 3 });
  });
});

describe('scopeBlocks', () => {
  test("a section's scope is its own blocks and its sub-sections', but not a sub-heading that is another section", () => {
    const document = parseSpec(fixture('specs/rules/empty-section/other-section-inside.md'));
    const matching = matchSections(document, policy.template);
    const design = document.all.find((spec) => spec.heading.text === 'Design')!;
    const designSection = matching.byHeading.get(design)!;
    // Design holds no block of its own, Risks none either; Security's paragraph is Security's.
    expect(scopeBlocks(design, designSection, matching)).toEqual([]);
    const title = document.all[0]!;
    expect(matching.byHeading.get(title)).toBeUndefined();
  });

  test('an unknown sub-heading is part of the section above it', () => {
    const document = parseSpec(fixture('specs/rules/unknown-section/extras.md'));
    const matching = matchSections(document, policy.template);
    const design = document.all.find((spec) => spec.heading.text === 'Design')!;
    const lines = scopeBlocks(design, matching.byHeading.get(design)!, matching).map((block) => block.line);
    // Design's paragraph, the Benchmarks paragraph, and the Risks paragraph.
    expect(lines).toEqual([17, 21, 25]);
  });
});
