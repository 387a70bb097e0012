import { check, template } from '../helpers/core.js';

// Template: test/fixtures/templates/commented-headings.md, which lists optional `## …` sections
// inside an HTML comment, as Cardano's CIP template does.
describe('headings inside a comment in the template', () => {
  const parsed = template('commented-headings');

  test('are not sections: the template has only the headings a reader sees', () => {
    expect(parsed.all.map((section) => section.name)).toEqual(['Abstract', 'Specification', 'Copyright']);
  });

  test("the comment is guidance of the section it sits in", () => {
    expect(parsed.all[1]!.guidance).toContain('## References            — external documents and prior art');
  });

  test('a spec without them is complete', () => {
    expect(check('structure/no-optional-sections.md', 'commented-headings')).toEqual([]);
  });
});
