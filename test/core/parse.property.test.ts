import fc from 'fast-check';
import { checkSpec, createPolicy, parseSpec, parseTemplate, type SpecDocument, type SpecSection } from '../../src/core/index.js';
import { fixture } from '../helpers/fixtures.js';
import { defaultTemplateText } from '../helpers/core.js';

// Pieces that matter to a markdown parser: headings, fences, comments, front matter,
// setext underlines, quotes, link definitions, line endings and a BOM.
const FRAGMENTS = [
  '#', '## ', '### Security', '# Summary', '\n', '\r\n', '\r', '```', '~~~', '    ', '<!--', '-->', '\uFEFF',
  '---', '===', '=', '[', ']', '(', ')', '>', '- ', '* ', '1. ', '`', '\\', 'TODO', 'TBD', '<role>', '???',
  '[NEEDS CLARIFICATION', 'text', ' ', '\t', '<div>', '</div>', '[x]: #x', '**', '🔒', 'Ｓｅｃｕｒｉｔｙ', '(optional)',
];

const markdownish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
// Whole lines, so headings and fences land at the start of a line more often.
const markdownLines = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 })
  .map((lines) => lines.map(([start, rest, end]) => start + rest + end).join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), markdownish, markdownLines);

const defaultPolicy = createPolicy(parseTemplate(defaultTemplateText())).policy;
const designPolicy = createPolicy(parseTemplate(fixture('templates/design-doc.md')), {
  rules: { 'unknown-section': 'warning', 'section-order': 'error' },
  sections: { Security: { min_words: 5, aliases: ['Threat Model'] } },
}).policy;

function rangesAreSound(document: SpecDocument): void {
  const check = (section: SpecSection, parent?: SpecSection): void => {
    const { heading, endLine } = section;
    expect(heading.line).toBeGreaterThanOrEqual(1);
    expect(heading.line).toBeLessThanOrEqual(heading.endLine);
    expect(heading.endLine).toBeLessThanOrEqual(endLine);
    expect(endLine).toBeLessThanOrEqual(document.lineCount);
    if (parent) {
      expect(heading.level).toBeGreaterThan(parent.heading.level);
      expect(heading.line).toBeGreaterThan(parent.heading.endLine);
      expect(endLine).toBeLessThanOrEqual(parent.endLine);
    }
    for (const block of section.blocks) {
      expect(block.line).toBeGreaterThan(heading.endLine);
      expect(block.endLine).toBeLessThanOrEqual(endLine);
    }
    section.children.forEach((child) => check(child, section));
  };
  document.sections.forEach((section) => check(section));
  // Headings follow one another: each section ends before the next heading of its level or higher.
  document.all.forEach((section, index) => {
    const next = document.all[index + 1];
    if (next) expect(next.heading.line).toBeGreaterThan(section.heading.endLine);
    expect(section.index).toBe(index);
  });
}

describe('parseSpec properties', () => {
  test('never throws, whatever the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => parseSpec(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  test('section line ranges are ordered, nested within their parents and within [1, lineCount]', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        rangesAreSound(parseSpec(text));
      }),
      { numRuns: 500 },
    );
  });

  test('is deterministic: the same text gives the same document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parseSpec(text)).toEqual(parseSpec(text));
      }),
      { numRuns: 200 },
    );
  });

  test('line count agrees with the lines kept', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const document = parseSpec(text);
        expect(document.lines).toHaveLength(document.lineCount);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkSpec properties', () => {
  test('never throws, and every finding points at a line inside the document', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, useDefault) => {
        const findings = checkSpec(text, useDefault ? defaultPolicy : designPolicy);
        const lastLine = Math.max(1, parseSpec(text).lineCount);
        for (const finding of findings) {
          expect(Number.isInteger(finding.line)).toBe(true);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lastLine);
          if (finding.insertBeforeLine !== undefined) expect(finding.insertBeforeLine).toBeLessThanOrEqual(lastLine + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('findings come sorted by line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lines = checkSpec(text, designPolicy).map((finding) => finding.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});
