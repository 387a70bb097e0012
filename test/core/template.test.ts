import { parseTemplate, type TemplateSection } from '../../src/core/index.js';
import { corpusFile, defaultTemplateText, template } from '../helpers/core.js';

const names = (sections: readonly TemplateSection[]): string[] => sections.map((section) => section.name);

function named(sections: readonly TemplateSection[], name: string): TemplateSection {
  const found = sections.find((section) => section.name === name);
  if (!found) throw new Error(`no section "${name}" in ${JSON.stringify(names(sections))}`);
  return found;
}

describe('the built-in default template', () => {
  const parsed = parseTemplate(defaultTemplateText());

  test('its lone # heading is the title, and its twelve ## headings are the sections, in order', () => {
    expect(parsed.title).toBe('Spec Template');
    expect(names(parsed.sections)).toEqual([
      'Context & Goal',
      'Outcomes',
      'Stakeholders',
      'User Stories',
      'API Contract',
      'Data Model',
      'Orchestration',
      'Security',
      'Observability',
      'Acceptance Criteria',
      'Rollout',
      'Open Questions',
    ]);
    expect(parsed.all).toEqual(parsed.sections);
    expect(parsed.all.map((section) => section.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('every section is required, at level 2, on its own line', () => {
    const security = named(parsed.all, 'Security');
    expect(security).toMatchObject({ heading: 'Security', key: 'security', level: 2, line: 38, optional: false, children: [] });
    expect(security.parent).toBeUndefined();
    expect(parsed.all.every((section) => !section.optional)).toBe(true);
  });

  test('the bullets under a heading are its guidance', () => {
    const stories = named(parsed.all, 'User Stories');
    expect(stories.guidance).toBe(
      [
        '- As a `<role>`, I can `<action>` so that `<value>`.',
        '- Edge cases or failure scenarios to consider.',
        '- Non-goals that keep the story focused.',
      ].join('\n'),
    );
    expect([...stories.guidanceUnits]).toEqual([
      'as a role i can action so that value',
      'edge cases or failure scenarios to consider',
      'non goals that keep the story focused',
    ]);
  });
});

describe('title or sections', () => {
  test('several # headings are all sections, and nothing is the title', () => {
    const parsed = template('multi-h1');
    expect(parsed.title).toBeUndefined();
    expect(names(parsed.sections)).toEqual(['Problem', 'Solution', 'Decision']);
    expect(names(named(parsed.all, 'Solution').children)).toEqual(['Trade-offs']);
    expect(parsed.all.map((section) => [section.name, section.level])).toEqual([
      ['Problem', 1],
      ['Solution', 1],
      ['Trade-offs', 2],
      ['Decision', 1],
    ]);
  });

  test('nested headings are sub-sections that know their parent', () => {
    const parsed = template('design-doc');
    const design = named(parsed.all, 'Design');
    expect(names(design.children)).toEqual(['Risks', 'Alternatives']);
    expect(design.children.every((child) => child.parent === design)).toBe(true);
    expect(names(parsed.all)).toEqual(['Summary', 'Motivation', 'Design', 'Risks', 'Alternatives', 'Security', 'Rollout', 'Appendix']);
  });

  test('two sub-sections may share a name under different parents', () => {
    const parsed = template('shared-names');
    expect(parsed.all.map((section) => [section.name, section.parent?.name])).toEqual([
      ['Build', undefined],
      ['Risks', 'Build'],
      ['Launch', undefined],
      ['Risks', 'Launch'],
    ]);
  });

  test('a template without headings has no sections', () => {
    expect(template('no-headings')).toEqual({ sections: [], all: [] });
  });
});

describe('optional sections and guidance', () => {
  const parsed = template('adr');

  test('a heading ending in (optional), in any case or spacing, is optional and named without the mark', () => {
    expect(parsed.all.map((section) => [section.name, section.heading, section.optional])).toEqual([
      ['Status', 'Status', false],
      ['Context', 'Context', false],
      ['Decision', 'Decision', false],
      ['Consequences', 'Consequences (OPTIONAL)', true],
      ['Notes', 'Notes ( Optional )', true],
      ['Links', 'Links (optional)', true],
    ]);
    expect(named(parsed.all, 'Consequences').key).toBe('consequences');
  });

  test('guidance is whatever sits under the heading: a comment, paragraphs, bullets, or nothing', () => {
    expect(named(parsed.all, 'Status').guidance).toBe('<!-- Proposed, accepted, deprecated or superseded. -->');
    expect(named(parsed.all, 'Context').guidance).toBe(
      'What is the issue that motivates this decision?\n\nIt may take a second paragraph.',
    );
    expect(named(parsed.all, 'Decision').guidance).toBe('- The change we are making.\n- Why we chose it.');
    expect(named(parsed.all, 'Notes').guidance).toBe('');
  });

  test('a comment is guidance a reader never sees, so it gives no units to compare', () => {
    expect([...named(parsed.all, 'Status').guidanceUnits]).toEqual([]);
    expect([...named(parsed.all, 'Context').guidanceUnits]).toEqual([
      'what is the issue that motivates this decision',
      'it may take a second paragraph',
    ]);
  });

  test("a parent's guidance stops at its first sub-section", () => {
    const design = named(template('design-doc').all, 'Design');
    expect(design.guidance).toBe('<!-- Describe the components, the data flow and the interfaces. -->');
  });
});

describe('real templates from the corpus', () => {
  test('Rust RFC template: no # heading, so its nine ## headings are the sections; the list above them is not one', () => {
    const parsed = parseTemplate(corpusFile('rust-rfcs/0000-template.md'));
    expect(parsed.title).toBeUndefined();
    expect(names(parsed.sections)).toEqual([
      'Summary',
      'Motivation',
      'Guide-level explanation',
      'Reference-level explanation',
      'Drawbacks',
      'Rationale and alternatives',
      'Prior art',
      'Unresolved questions',
      'Future possibilities',
    ]);
    const summary = named(parsed.all, 'Summary');
    expect(summary.line).toBe(6);
    // The anchor definition under each heading is guidance text, but not a unit a reader sees.
    expect(summary.guidance).toBe('[summary]: #summary\n\nOne paragraph explanation of the feature.');
    expect([...summary.guidanceUnits]).toEqual(['one paragraph explanation of the feature']);
  });

  test('KEP template: the title follows a comment, sections nest down to ######, and (Optional) marks some', () => {
    const parsed = parseTemplate(corpusFile('kubernetes-keps/keps/NNNN-kep-template/README.md'));
    expect(parsed.title).toBe('KEP-NNNN: Your short, descriptive title');
    expect(names(parsed.sections)).toEqual([
      'Release Signoff Checklist',
      'Summary',
      'Motivation',
      'Proposal',
      'Design Details',
      'Production Readiness Review Questionnaire',
      'Implementation History',
      'Drawbacks',
      'Alternatives',
      'Infrastructure Needed',
    ]);
    const proposal = named(parsed.all, 'Proposal');
    expect(proposal.children.map((child) => [child.name, child.optional])).toEqual([
      ['User Stories', true],
      ['Notes/Constraints/Caveats', true],
      ['Risks and Mitigations', false],
    ]);
    expect(names(named(parsed.all, 'User Stories').children)).toEqual(['Story 1', 'Story 2']);
    expect(names(named(parsed.all, 'Test Plan').children)).toEqual([
      'Prerequisite testing updates',
      'Unit tests',
      'Integration tests',
      'e2e tests',
    ]);
    expect(named(parsed.all, 'Infrastructure Needed')).toMatchObject({ optional: true, heading: 'Infrastructure Needed (Optional)' });
    const enablement = named(parsed.all, 'How can this feature be enabled / disabled in a live cluster?');
    expect(enablement).toMatchObject({ level: 6, line: 483 });
    expect(enablement.parent?.name).toBe('Feature Enablement and Rollback');
    expect(parsed.all).toHaveLength(56);
  });

  test('KEP template: guidance kept in a comment is guidance, but no unit', () => {
    const parsed = parseTemplate(corpusFile('kubernetes-keps/keps/NNNN-kep-template/README.md'));
    const summary = named(parsed.all, 'Summary');
    expect(summary.guidance.startsWith('<!--\nThis section is incredibly important')).toBe(true);
    expect(summary.guidance.endsWith('-->')).toBe(true);
    expect(summary.guidanceUnits.size).toBe(0);
  });
});
