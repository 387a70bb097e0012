import fc from 'fast-check';
import { parseSpec, parseTemplate, type SpecDocument, type Template } from '../../src/core/index.js';
import { canonicalWord, nearMisses, similarity } from '../../src/core/near-miss.js';
import { aliasLine } from '../../src/core/rules/missing-section.js';
import { SYNONYM_GROUPS } from '../../src/core/synonyms.js';
import { check, ofRule } from '../helpers/core.js';

// Template: test/fixtures/templates/teams.md; the spec names each section as another team would.
describe('near-miss hints know how section names vary across teams', () => {
  const missing = ofRule(check('structure/synonyms.md', 'teams'), 'missing-section');

  test('each renamed section is still missing (a hint never satisfies it), with the heading it looks like', () => {
    expect(missing.map((finding) => [finding.section, finding.didYouMean?.heading, finding.severity])).toEqual([
      ['Detailed design', 'Proposed Solution', 'error'], // a synonym
      ['Backwards Compatibility', 'Backward Compatibility', 'error'], // singular
      ['Security Considerations', 'Security', 'error'], // a dropped qualifier
      ['Unresolved questions', 'Open Questions', 'error'], // a synonym
      ['Reference Implementation', 'Implementation', 'error'], // an older name
      ['Acknowledgements', 'Acknowledgments', 'error'], // American spelling
      ['Expected Behavior', 'Expected Behaviour', 'error'], // British spelling
      ['Considered Options', 'Options Considered', 'error'], // word order
    ]);
  });

  test('the hint gives the exact alias line for the configuration', () => {
    const implementation = missing.find((finding) => finding.section === 'Reference Implementation')!;
    expect(implementation.message).toBe(
      'Section "Reference Implementation" is missing. "Implementation" (line 21) looks like it: ' +
        'rename it to "Reference Implementation", or add an alias under sections: in the configuration: Reference Implementation: { aliases: [Implementation] }',
    );
  });

  test('with the aliases it proposes configured, the spec passes', () => {
    const sections = Object.fromEntries(missing.map((finding) => [finding.section, { aliases: [finding.didYouMean!.heading] }]));
    expect(check('structure/synonyms.md', 'teams', { sections })).toEqual([]);
  });

  test('a name that YAML would misread is quoted', () => {
    expect(aliasLine('Acceptance Criteria', 'Acceptance Criterion')).toBe('Acceptance Criteria: { aliases: [Acceptance Criterion] }');
    expect(aliasLine('Motivation: Why is this CIP necessary?', 'Why, [really]')).toBe(
      '"Motivation: Why is this CIP necessary?": { aliases: ["Why, [really]"] }',
    );
  });
});

describe('the loose comparison behind hints', () => {
  test.each([
    ['behaviour', 'behavior'],
    ['acknowledgements', 'acknowledgment'],
    ['initialisation', 'initialization'],
    ['criteria', 'criterion'],
    ['appendices', 'appendix'],
    ['policies', 'policy'],
    ['options', 'option'],
    ['modelling', 'modeling'],
  ])('%s and %s are one word', (a, b) => {
    expect(canonicalWord(a)).toBe(canonicalWord(b));
  });

  test.each([['analysis'], ['status'], ['access'], ['bus']])('%s keeps its final s', (word) => {
    expect(canonicalWord(word)).toBe(word);
  });

  test('an unrelated heading is no near miss', () => {
    expect(similarity('security considerations', 'rollout')).toBeLessThan(0.75);
  });

  test('every synonym group says where it was seen', () => {
    for (const group of SYNONYM_GROUPS) expect(group.seen.length).toBeGreaterThan(10);
  });
});

describe('hints compare only the headings that can pass, and give what comparing every pair gives', () => {
  // Misspellings, dropped and added words, synonyms and unrelated names of the template's sections.
  const template = parseTemplate(
    ['Summary', 'Motivation', 'Security Considerations', 'Unresolved questions', 'Drawbacks', 'Rationale and alternatives', 'Prior art', 'Test Plan', 'A']
      .map((name) => `## ${name}\n`)
      .join('\n'),
  );
  const headings = [
    'Sumary', 'Summaries', 'Motivations', 'Motivaton', 'Motive', 'Security', 'Considerations', 'Security Concerns', 'Open Questions',
    'Drawback', 'Draw backs', 'Alternatives', 'Rationale', 'Alternatives and rationale', 'Prior Arts', 'Art', 'Testing Plan',
    'Test', 'Plan', 'B', 'AA', 'The', 'Rollout', 'Part 1', 'Security Consideration', 'Unresolved Question', 'Rational and alternative',
  ];
  const document = parseSpec(headings.map((heading, index) => `## ${heading}\n\nText ${index}.\n`).join('\n'));

  test('the same hint for every section', () => {
    const hints = nearMisses(template.all, document.all);
    const byName = new Map([...hints].map(([section, spec]) => [section.name, spec.heading.text]));
    expect(byName).toEqual(everyPair(template, document));
    expect(byName.get('Summary')).toBe('Summaries'); // one word in another number beats a misspelling
    expect(byName.get('Unresolved questions')).toBe('Unresolved Question');
  });
});

describe('hints over generated names are those of comparing every pair', () => {
  // Few letters, so that near spellings, shared pieces and repeated pieces are common.
  const word = fc.stringMatching(/^[abe]{1,6}$/);
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

  test('for any template names and headings', () => {
    const names = fc.uniqueArray(name, { minLength: 1, maxLength: 6 });
    const headings = fc.array(name, { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(names, headings, (sections, found) => {
        const template = parseTemplate(sections.map((section) => `## ${section}\n`).join('\n'));
        const document = parseSpec(found.map((heading, index) => `## ${heading}\n\nText ${index}.\n`).join('\n'));
        const hints = nearMisses(template.all, document.all);
        expect(new Map([...hints].map(([section, spec]) => [section.name, spec.heading.text]))).toEqual(everyPair(template, document));
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

/** The same choice made over every pair, as hints were chosen before the index. */
function everyPair(template: Template, document: SpecDocument): Map<string, string> {
  const pairs = template.all.flatMap((section) => document.all.map((spec) => ({ section, spec, score: similarity(section.key, spec.key) })));
  const chosen = new Map<string, string>();
  const taken = new Set<number>();
  pairs
    .filter((pair) => pair.score > 0.75)
    .sort((a, b) => b.score - a.score || a.section.order - b.section.order || a.spec.index - b.spec.index)
    .forEach(({ section, spec }) => {
      if (chosen.has(section.name) || taken.has(spec.index)) return;
      chosen.set(section.name, spec.heading.text);
      taken.add(spec.index);
    });
  return chosen;
}
