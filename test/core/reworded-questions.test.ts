import { checkSpec, parseSpec } from '../../src/core/index.js';
import { matchSections } from '../../src/core/match.js';
import { rewordedPairs } from '../../src/core/reworded.js';
import { wordEdits } from '../../src/core/word-edits.js';
import { check, ofRule, policyFor, template } from '../helpers/core.js';

// Template: test/fixtures/templates/rollout-questions.md; spec: test/fixtures/specs/structure/earlier-wording.md,
// written when the template asked its questions in earlier words (as the KEP questionnaire did).
describe("a template's long question asked in its earlier wording", () => {
  const missing = ofRule(check('structure/earlier-wording.md', 'rollout-questions'), 'missing-section').map((finding) => finding.section);

  test('a heading, or a bold list item, a few words away from the question stands for it', () => {
    expect(missing).not.toContain('How can a rollout or rollback fail? Can it impact already running workloads?');
    expect(missing).not.toContain('Will enabling / using this feature result in any new calls to the cloud provider?');
    expect(missing).not.toContain('What are the reasonable SLOs (Service Level Objectives) for the enhancement?');
  });

  test('a question as close to two of the template questions stands for neither; a short question must match exactly', () => {
    expect(missing).toEqual([
      'Will enabling / using this feature result in any new API calls?',
      'Will enabling / using this feature result in introducing new API types?',
      'Why now?',
    ]);
  });

  test('the heading in the earlier wording is matched: its content is checked as the section', () => {
    const source = '## Rollout, upgrade and rollback planning\n\n###### How can a rollout fail? Can it impact already running workloads?\n\n## Summary\n\nText.\n';
    const document = parseSpec(source);
    const matching = matchSections(document, template('rollout-questions'));
    const heading = document.all.find((spec) => spec.heading.text.startsWith('How can a rollout fail'))!;
    expect(matching.byHeading.get(heading)?.name).toBe('How can a rollout or rollback fail? Can it impact already running workloads?');
    const empty = ofRule(checkSpec(source, policyFor('rollout-questions')), 'empty-section').map((finding) => finding.section);
    expect(empty).toContain('How can a rollout or rollback fail? Can it impact already running workloads?');
  });
});

describe('pairing reworded questions', () => {
  const question = 'what are the reasonable slos service level objectives for the enhancement';
  const older = 'what are the reasonable slos service level objectives for the above slis';

  test('two spec questions close to one template question: neither stands for it', () => {
    const pairs = rewordedPairs([{ item: 'slo', key: question }], [{ item: 'a', key: older }, { item: 'b', key: 'what are the reasonable slos service level objectives for this enhancement' }], [question]);
    expect(pairs.size).toBe(0);
    expect(rewordedPairs([{ item: 'slo', key: question }], [{ item: 'a', key: older }], [question])).toEqual(new Map([['slo', 'a']]));
  });

  test('more than one edit in five words is another question', () => {
    expect(rewordedPairs([{ item: 'slo', key: question }], [{ item: 'a', key: 'what are the reasonable slis service level indicators for the feature' }], [question]).size).toBe(0);
  });

  test('word distance counts inserted, removed and changed words, and stops past its limit', () => {
    expect(wordEdits(['a', 'b', 'c'], ['a', 'x', 'c', 'd'], 3)).toBe(2);
    expect(wordEdits(['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z'], 1)).toBe(2);
  });
});
