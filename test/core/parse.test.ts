import { parseSpec, splitLines } from '../../src/core/index.js';
import { fixture } from '../helpers/fixtures.js';
import { outline, sectionNamed } from '../helpers/core.js';

describe('parseSpec: the section tree', () => {
  const document = parseSpec(fixture('specs/parse/tree.md'));

  test('nests headings by level, with 1-based line ranges that end where the next same-or-higher heading starts', () => {
    expect(outline(document)).toEqual([
      {
        text: 'Payment Retries',
        level: 1,
        line: 3,
        endLine: 23,
        children: [
          {
            text: 'Goals',
            level: 2,
            line: 7,
            endLine: 15,
            children: [{ text: 'Stretch goals', level: 3, line: 12, endLine: 15, children: [] }],
          },
          { text: 'Design', level: 2, line: 16, endLine: 23, children: [] },
        ],
      },
      { text: 'Appendix', level: 1, line: 24, endLine: 26, children: [] },
    ]);
    expect(document.lineCount).toBe(26);
  });

  test('lists every section in document order, each knowing its index', () => {
    expect(document.all.map((section) => [section.index, section.heading.text])).toEqual([
      [0, 'Payment Retries'],
      [1, 'Goals'],
      [2, 'Stretch goals'],
      [3, 'Design'],
      [4, 'Appendix'],
    ]);
  });

  test('keeps text before the first heading as the preamble', () => {
    expect(document.preamble).toHaveLength(1);
    expect(document.preamble[0]).toMatchObject({ type: 'paragraph', line: 1, isContent: true });
    expect(document.preamble[0]!.units).toEqual(['Status: draft, owned by the payments team.']);
  });

  test('gives each section only its own blocks, not its sub-sections\'', () => {
    const goals = sectionNamed(document, 'Goals');
    expect(goals.blocks.map((block) => [block.type, block.line, block.endLine])).toEqual([['list', 9, 10]]);
    expect(goals.blocks[0]!.units).toEqual(['Retry failed charges.', 'Never charge a customer twice.']);
    expect(sectionNamed(document, 'Stretch goals').blocks.map((block) => block.line)).toEqual([14]);
  });

  test('marks code as code, and a link reference definition as not content', () => {
    const design = sectionNamed(document, 'Design');
    expect(design.blocks.map((block) => [block.type, block.line, block.endLine, block.isContent])).toEqual([
      ['paragraph', 18, 18, true],
      ['code', 20, 22, true],
    ]);
    expect(design.blocks[1]!.masks).toEqual([
      { line: 20, start: 0, end: 7, kind: 'code' },
      { line: 21, start: 0, end: 28, kind: 'code' },
      { line: 22, start: 0, end: 3, kind: 'code' },
    ]);
    expect(sectionNamed(document, 'Appendix').blocks).toEqual([
      expect.objectContaining({ type: 'definition', line: 26, isContent: false }),
    ]);
  });
});

describe('parseSpec: what is not a heading', () => {
  const document = parseSpec(fixture('specs/parse/not-headings.md'));

  test('given fences, indented code, HTML, comments, quotes, lists and an escaped #, only the two real headings count', () => {
    expect(document.all.map((section) => [section.heading.text, section.heading.line])).toEqual([
      ['Real Heading', 1],
      ['Second Real Heading', 27],
    ]);
  });

  test('each of those look-alikes stays a block of the section it sits in', () => {
    const blocks = sectionNamed(document, 'Real Heading').blocks;
    expect(blocks.map((block) => [block.type, block.line])).toEqual([
      ['code', 3],
      ['code', 7],
      ['code', 11],
      ['html', 13],
      ['html', 17],
      ['blockquote', 21],
      ['list', 23],
      ['paragraph', 25],
    ]);
    // A comment is hidden from readers; the other look-alikes are visible text.
    expect(blocks.filter((block) => !block.isContent).map((block) => block.line)).toEqual([17]);
    expect(blocks[7]!.units).toEqual(['# Not a heading: escaped']);
  });
});

describe('parseSpec: line endings, BOM and front matter', () => {
  test('CRLF line endings give the same lines as LF', () => {
    const text = fixture('specs/parse/crlf.md');
    expect(text).toContain('\r\n');
    const document = parseSpec(text);
    expect(document.lineCount).toBe(10);
    expect(document.lines.some((line) => line.includes('\r'))).toBe(false);
    expect(outline(document)).toEqual([
      {
        text: 'Rate Limits',
        level: 1,
        line: 1,
        endLine: 10,
        children: [
          { text: 'Goals', level: 2, line: 5, endLine: 8, children: [] },
          { text: 'Design', level: 2, line: 9, endLine: 10, children: [] },
        ],
      },
    ]);
    expect(sectionNamed(document, 'Design').blocks[0]!.units).toEqual(['A token bucket per key.']);
  });

  test('a UTF-8 BOM is neither text nor a line: the first heading is on line 1', () => {
    const text = fixture('specs/parse/bom.md');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const document = parseSpec(text);
    expect(document.lines[0]).toBe('# Audit Log');
    expect(document.all.map((section) => [section.heading.text, section.heading.line])).toEqual([
      ['Audit Log', 1],
      ['Retention', 5],
    ]);
  });

  test('YAML front matter is kept apart: not a heading, not content, and later lines keep their real numbers', () => {
    const document = parseSpec(fixture('specs/parse/front-matter.md'));
    expect(document.frontMatter).toEqual({
      value: 'title: Search Index\n# a YAML comment, not a heading\nowners: [search-team]',
      endLine: 5,
    });
    expect(document.preamble).toEqual([]);
    expect(document.all.map((section) => [section.heading.text, section.heading.line])).toEqual([
      ['Search Index', 7],
      ['Goals', 11],
    ]);
  });

  test('BOM, CRLF and front matter together still give the file\'s own line numbers', () => {
    const document = parseSpec(fixture('specs/parse/bom-crlf-front-matter.md'));
    expect(document.frontMatter).toEqual({ value: 'title: Billing Export', endLine: 3 });
    expect(document.lineCount).toBe(10);
    expect(document.all.map((section) => [section.heading.text, section.heading.line, section.endLine])).toEqual([
      ['Billing Export', 4, 10],
      ['Format', 8, 10],
    ]);
  });
});

describe('parseSpec: heading syntax', () => {
  test('setext headings (=== and ---) count, and the heading ends on its underline', () => {
    const document = parseSpec(fixture('specs/parse/setext.md'));
    expect(document.all.map(({ heading }) => heading)).toEqual([
      { text: 'Queue Migration', level: 1, line: 1, endLine: 2 },
      { text: 'Goals', level: 2, line: 6, endLine: 7 },
      { text: 'Rollout', level: 2, line: 11, endLine: 11 },
    ]);
    expect(sectionNamed(document, 'Goals').endLine).toBe(10);
  });

  test('a setext heading straight after a link definition starts on its own text line, not the definition\'s', () => {
    const document = parseSpec(fixture('specs/parse/setext-after-definition.md'));
    expect(document.all.map(({ heading }) => heading)).toEqual([
      { text: 'Links', level: 1, line: 1, endLine: 1 },
      { text: 'Usage', level: 2, line: 4, endLine: 5 },
    ]);
    expect(sectionNamed(document, 'Links')).toMatchObject({ endLine: 7 });
    expect(sectionNamed(document, 'Links').blocks.map((block) => [block.type, block.line, block.endLine])).toEqual([['definition', 3, 3]]);
  });

  test('closing #s are stripped, but a # that is part of a word stays', () => {
    const document = parseSpec(fixture('specs/parse/closing-hashes.md'));
    expect(document.all.map(({ heading }) => [heading.text, heading.level])).toEqual([
      ['Cache Warmup', 1],
      ['Goals', 2],
      ['Risks', 3],
      ['C# Client', 2],
    ]);
  });
});

describe('parseSpec: masks, where a block\'s lines are code or comment rather than prose', () => {
  test('a fence inside a list item, a code span over two lines and a comment over two quoted lines are all found', () => {
    const document = parseSpec(fixture('specs/parse/masks.md'));
    const [list, paragraph, quote] = document.all[0]!.blocks;
    expect(list!.masks).toEqual([
      { line: 5, start: 2, end: 7, kind: 'code' },
      { line: 6, start: 0, end: 11, kind: 'code' },
      { line: 7, start: 0, end: 5, kind: 'code' },
    ]);
    expect(paragraph!.masks).toEqual([
      { line: 9, start: 17, end: 28, kind: 'inline-code' },
      { line: 10, start: 0, end: 16, kind: 'inline-code' },
    ]);
    expect(quote!.masks).toEqual([
      { line: 12, start: 9, end: 23, kind: 'comment' },
      { line: 13, start: 0, end: 22, kind: 'comment' },
    ]);
    expect(document.lines[11]!.slice(9)).toBe('<!-- a comment');
  });
});

describe('parseSpec: blocks left open at the end of the file', () => {
  // Tiny inline inputs: the point is the last line, which a fixture file's editor might "fix".
  test('an unclosed fence or comment ends on the last line, not on a line after it', () => {
    const fence = parseSpec('# A\n\n```\nnever closed\n');
    expect(fence.lineCount).toBe(4);
    expect(fence.all[0]!.blocks.map((block) => [block.type, block.line, block.endLine])).toEqual([['code', 3, 4]]);
    const comment = parseSpec('# A\n\n<!-- never closed\n');
    expect(comment.lineCount).toBe(3);
    expect(comment.all[0]!.blocks.map((block) => [block.type, block.line, block.endLine])).toEqual([['html', 3, 3]]);
  });
});

describe('splitLines', () => {
  test('counts lines as a reader does: CRLF, CR and LF each end one, a final newline opens none', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\uFEFF')).toEqual([]);
    expect(splitLines('one')).toEqual(['one']);
    expect(splitLines('one\n')).toEqual(['one']);
    expect(splitLines('one\r\ntwo\rthree\nfour')).toEqual(['one', 'two', 'three', 'four']);
    expect(splitLines('one\n\n')).toEqual(['one', '']);
  });
});
