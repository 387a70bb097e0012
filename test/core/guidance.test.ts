import { guidanceFor, resemblance } from '../../src/core/guidance.js';
import { template } from '../helpers/core.js';

describe('guidanceFor: what the template writes under each heading', () => {
  test('a template whose guidance is prose: every paragraph and bullet is guidance', () => {
    const designDoc = template('design-doc');
    const motivation = designDoc.all.find((section) => section.name === 'Motivation')!;
    expect(guidanceFor(motivation, designDoc).units.map((unit) => [unit.kind, unit.key])).toEqual([
      ['guidance', 'what problem does this solve'],
      ['guidance', 'why does it matter now'],
    ]);
  });

  test('a template that explains itself in comments: visible text is a draft, or kept where the section has no comment or it is a checklist', () => {
    const commented = template('comment-guided');
    const kinds = (name: string) => guidanceFor(commented.all.find((section) => section.name === name)!, commented).units.map((unit) => unit.kind);
    expect(kinds('Compatibility')).toEqual(['draft']);
    expect(kinds('Monitoring')).toEqual(['draft', 'draft', 'draft', 'draft']);
    expect(kinds('Release Checklist')).toEqual(['kept', 'kept']);
    expect(kinds('Copyright')).toEqual(['kept']);
  });

  test("a section's guidance includes its sub-sections'", () => {
    const designDoc = template('design-doc');
    const design = designDoc.all.find((section) => section.name === 'Design')!;
    expect(guidanceFor(design, designDoc).units.map((unit) => unit.key)).toEqual([
      'what could go wrong and how would we notice',
      'what else did you consider and why not that',
    ]);
  });
});

describe('resemblance', () => {
  const designDoc = template('design-doc');
  const rollout = guidanceFor(designDoc.all.find((section) => section.name === 'Rollout')!, designDoc);
  const like = (text: string, contains = true) => resemblance(text, rollout, { contains })?.how;

  test('the same words, whatever the case and punctuation', () => {
    expect(like('HOW does it ship and how do we roll it back')).toBe('same');
  });

  test('a near copy: one word in seven changed, added or dropped', () => {
    expect(like('How does it ship, and how would we roll it back?')).toBe('near');
    expect(like('How does it ship, and how do we roll back?')).toBe('near');
    expect(like('How does it ship to users, and how would we roll it back?')).toBeUndefined();
  });

  test('the guidance inside a longer paragraph, only when asked for', () => {
    expect(like('How does it ship, and how do we roll it back? Behind a flag.')).toBe('contains');
    expect(like('How does it ship, and how do we roll it back? Behind a flag.', false)).toBeUndefined();
  });

  test('a rewrite is not a copy', () => {
    expect(like('It ships behind a flag and rolls back by turning the flag off.')).toBeUndefined();
  });
});
