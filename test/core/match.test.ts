import { checkSpec, createPolicy, parseSpec, parseTemplate, type SpecDocument, type Template } from '../../src/core/index.js';
import { matchSections, type Aliases, type Matching } from '../../src/core/match.js';
import { nearMiss } from '../../src/core/near-miss.js';
import { fixture } from '../helpers/fixtures.js';
import { check, corpusFile, ofRule, sectionNamed, template, where } from '../helpers/core.js';

function matchFixture(spec: string, templateName: string, aliases: (parsed: Template) => Aliases = () => new Map()) {
  const document = parseSpec(fixture(`specs/${spec}`));
  const parsed = template(templateName);
  return { document, parsed, matching: matchSections(document, parsed, aliases(parsed)) };
}

/** Each spec heading with the template section it names (undefined when none). */
function pairs(document: SpecDocument, matching: Matching): Array<[string, string | undefined]> {
  return document.all.map((spec) => [spec.heading.text, matching.byHeading.get(spec)?.name]);
}

describe('matching tolerates how authors decorate headings', () => {
  test('given numbered, emoji, fullwidth, formatted and punctuated headings, each names its template section', () => {
    const { document, matching } = matchFixture('match/decorated.md', 'default');
    expect(pairs(document, matching)).toEqual([
      ['Audit Log Export', undefined],
      ['1. Context and Goal:', 'Context & Goal'],
      ['2) Ｏｕｔｃｏｍｅｓ', 'Outcomes'],
      ['A. Stakeholders', 'Stakeholders'],
      ['IV. User Stories', 'User Stories'],
      ['1.2 API Contract', 'API Contract'],
      ['1.2.3 Data Model?', 'Data Model'],
      ['B) Orchestration 🛠️', 'Orchestration'],
      ['🔒 Security', 'Security'],
      ['Observability 📈', 'Observability'],
      ['✅ Acceptance Criteria', 'Acceptance Criteria'],
      ['x. Rollout', 'Rollout'],
      ['OPEN QUESTIONS', 'Open Questions'],
    ]);
    expect(matching.unmatched.map((spec) => spec.heading.text)).toEqual(['Audit Log Export']);
  });

  test('so that spec passes the default template with no findings at all', () => {
    expect(check('match/decorated.md', 'default')).toEqual([]);
  });
});

describe('matching at any heading level', () => {
  test('# sections in a spec match ## sections of the template, and a #### sub-section still finds its parent', () => {
    const { document, matching } = matchFixture('match/any-level.md', 'design-doc');
    expect(pairs(document, matching)).toEqual([
      ['Summary', 'Summary'],
      ['Motivation', 'Motivation'],
      ['Design', 'Design'],
      ['Risks', 'Risks'],
      ['Security', 'Security'],
      ['Rollout', 'Rollout'],
    ]);
    expect(matching.parentOf.get(sectionNamed(document, 'Risks'))?.heading.text).toBe('Design');
    expect(check('match/any-level.md', 'design-doc')).toEqual([]);
  });
});

describe('aliases', () => {
  test('configured aliases name a section, after the same normalisation as headings', () => {
    const { document, matching } = matchFixture('match/aliases.md', 'design-doc', (parsed) => {
      const find = (name: string) => parsed.all.find((section) => section.name === name)!;
      return new Map([
        [find('Security'), ['threat model']],
        [find('Rollout'), ['1. Launch Plan:']],
      ]);
    });
    expect(matching.byHeading.get(sectionNamed(document, 'Threat Model'))?.name).toBe('Security');
    expect(matching.byHeading.get(sectionNamed(document, 'Launch Plan'))?.name).toBe('Rollout');
    expect(matching.unmatched).toEqual([sectionNamed(document, 'Session Tokens')]);
  });

  test('through the policy: sections: { Security: { aliases: [Threat Model] } }', () => {
    const withAliases = check('match/aliases.md', 'design-doc', {
      sections: { Security: { aliases: ['Threat Model'] }, Rollout: { aliases: ['Launch Plan'] } },
    });
    expect(withAliases).toEqual([]);
  });

  test('without the aliases, the same spec misses both sections', () => {
    expect(where(check('match/aliases.md', 'design-doc'))).toEqual([
      { rule: 'missing-section', section: 'Security', line: 19 },
      { rule: 'missing-section', section: 'Rollout', line: 19 },
    ]);
  });
});

describe('a near miss', () => {
  test('"Acceptance Criterion" does not match "Acceptance Criteria": the section is missing, pointing at the look-alike', () => {
    const missing = ofRule(check('match/near-miss.md', 'default'), 'missing-section');
    expect(missing).toHaveLength(1);
    // The finding sits on the heading to rename; insertBeforeLine still says where the section belongs.
    expect(missing[0]).toMatchObject({
      section: 'Acceptance Criteria',
      line: 39,
      insertBeforeLine: 43,
      didYouMean: { heading: 'Acceptance Criterion', line: 39 },
    });
    expect(missing[0]!.message).toBe('Section "Acceptance Criteria" is missing. "Acceptance Criterion" (line 39) looks like it: rename it to "Acceptance Criteria", or add an alias under sections: in the configuration: Acceptance Criteria: { aliases: [Acceptance Criterion] }');
    expect(missing[0]!.message).not.toMatch(/Add it/);
  });

  test('nearMiss prefers the closest unmatched heading, and ignores unrelated ones', () => {
    const document = parseSpec(fixture('specs/match/near-miss.md'));
    const criteria = template('default').all.find((section) => section.name === 'Acceptance Criteria')!;
    const candidates = [sectionNamed(document, 'Rollout'), sectionNamed(document, 'Acceptance Criterion')];
    expect(nearMiss(criteria, candidates)?.heading.text).toBe('Acceptance Criterion');
    expect(nearMiss(criteria, [sectionNamed(document, 'Rollout'), sectionNamed(document, 'Security')])).toBeUndefined();
  });

  test('a heading that keeps the key words of a longer name is a near miss too: "Alternatives"', () => {
    const { policy } = createPolicy(parseTemplate(corpusFile('rust-rfcs/0000-template.md')));
    const findings = checkSpec(fixture('specs/match/rfc-alternatives.md'), policy);
    expect(where(findings)).toEqual([{ rule: 'missing-section', section: 'Rationale and alternatives', line: 24 }]);
    expect(findings[0]).toMatchObject({ insertBeforeLine: 28, didYouMean: { heading: 'Alternatives', line: 24 } });
  });
});

describe('sections that share a name', () => {
  test('each spec "Risks" matches the "Risks" under the parent it sits in, whatever the order', () => {
    const { document, matching } = matchFixture('match/shared-names.md', 'shared-names');
    const risks = document.all.filter((spec) => spec.heading.text === 'Risks');
    expect(risks.map((spec) => [spec.heading.line, matching.byHeading.get(spec)?.parent?.name])).toEqual([
      [7, 'Launch'],
      [15, 'Build'],
    ]);
    expect([...matching.bySection.values()].every((specs) => specs.length === 1)).toBe(true);
  });
});
