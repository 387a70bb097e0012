import { parseSpec } from '../../src/core/index.js';
import { matchSections } from '../../src/core/match.js';
import { fixture } from '../helpers/fixtures.js';
import { check, ofRule, template } from '../helpers/core.js';

describe('one heading that names several sections', () => {
  test('Security & Observability, Rollout and Open Questions, Outcomes / Acceptance Criteria, Storage (Data Model): no finding at all', () => {
    expect(check('structure/combined-headings.md', 'default', { rules: { 'unknown-section': 'warning' } })).toEqual([]);
  });

  test('each heading stands for every section it names', () => {
    const document = parseSpec(fixture('specs/structure/combined-headings.md'));
    const matching = matchSections(document, template('default'));
    const named = (text: string) => (matching.combined.get(document.all.find((spec) => spec.heading.text === text)!) ?? []).map((section) => section.name);
    expect(named('Security & Observability')).toEqual(['Security', 'Observability']);
    expect(named('Rollout and Open Questions')).toEqual(['Rollout', 'Open Questions']);
    expect(named('Outcomes / Acceptance Criteria')).toEqual(['Outcomes', 'Acceptance Criteria']);
    const dataModel = [...matching.bySection].find(([section]) => section.name === 'Data Model')?.[1];
    expect(dataModel?.map((spec) => spec.heading.text)).toEqual(['Storage (Data Model)']);
  });

  test('a heading that only mentions a section among other words names none', () => {
    const document = parseSpec('## Alpha milestone: CRI-O, Security and tools\n\nText.\n');
    expect(matchSections(document, template('default')).unmatched).toHaveLength(1);
  });
});

describe('a heading near two missing sections', () => {
  test('is offered to one of them only, never as two conflicting renames', () => {
    const missing = ofRule(check('structure/near-both.md', 'default'), 'missing-section');
    expect(missing.map((finding) => [finding.section, finding.didYouMean?.heading])).toEqual([
      ['Security', 'Security Observability'],
      ['Observability', undefined],
    ]);
  });
});

describe('several headings that name one section', () => {
  const aliases = { sections: { Consequences: { aliases: ['Positive Consequences', 'Negative Consequences'] } } };

  test('Positive Consequences and Negative Consequences, both aliases of Consequences, are not duplicates', () => {
    expect(check('structure/consequences-split.md', 'adr-consequences', aliases)).toEqual([]);
  });

  test('they fill the section together: an empty first part does not make it empty', () => {
    expect(ofRule(check('structure/consequences-split.md', 'adr-consequences', aliases), 'empty-section')).toEqual([]);
  });
});
