import fc from 'fast-check';
import { createParser } from '../../src/core/fast/parser.js';
import { parseWith } from '../../src/core/parse.js';

/**
 * A long document is parsed a chunk at a time, each chunk ending before a top-level ATX heading
 * (src/core/fast/chunks.ts). Read with a chunk before every such heading, a document must give the
 * same section tree as read in one piece, whatever runs up to or over the heading.
 */
const inChunks = createParser(1);
const whole = createParser(Number.POSITIVE_INFINITY);
const sameBothWays = (markdown: string): void => expect(parseWith(inChunks, markdown)).toEqual(parseWith(whole, markdown));

describe('parsing in chunks', () => {
  it.each([
    ['headings and paragraphs', '# Title\n\n## Summary\n\nText.\n## Motivation\nMore text\n# Next\n'],
    ['an unclosed fence with heading lines in it', '## Summary\n\n```sh\n# a comment\n## another\n'],
    ['a closed fence just before a heading', '## Summary\n\n```\ncode\n```\n## Motivation\n\nText\n'],
    ['an HTML block that a heading line does not end', '## Summary\n\n<div>\n# inside the div\n\n## Motivation\n'],
    ['a comment over heading lines', '## Summary\n<!--\n# not a heading\n-->\n## Motivation\n'],
    ['a list and a quote right before a heading', '## A\n- item\n  more\n## B\n> quote\n## C\n    code\n## D\n'],
    ['a table right before a heading', '## A\n\n| a | b |\n| - | - |\n| 1 | 2 |\n## B\n'],
    ['a setext heading and a rule', 'Title\n=====\n# A\n***\n# B\ntext\n---\n# C\n'],
    ['front matter and CRLF line endings', '---\ntitle: x\n---\n# A\r\n\r\ntext\r\n## B\r\n```\r\n# c\r\n'],
  ])('%s reads the same in chunks', (_, markdown) => sameBothWays(markdown));

  it('reads generated markdown without definitions the same in chunks', () => {
    const starts = ['', '# ', '## ', '### ', '- ', '1. ', '> ', '    ', '```', '~~~', '<div>', '<!--', '-->', '---', '===', '| a |', '|---|', '<pre>', '</pre>', '| a | b |\n| - | - |\n| 1 | 2 |', 'Title\n==='];
    const words = ['word', 'TODO', '`code`', '*em*', '<b>x</b>', '# hash', '| b |', 'http://x.org'];
    const line = fc.tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...words), { maxLength: 4 })).map(([start, rest]) => start + rest.join(' '));
    const document = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n')), { maxLength: 40 }).map((lines) => lines.map(([text, end]) => text + end).join(''));
    fc.assert(fc.property(document, (markdown) => sameBothWays(markdown)), { seed: 16, numRuns: 400 });
  });

  it('reads a document with a link definition in one piece, so every chunk knows the definition', () => {
    const markdown = '## A\n\nSee [the spec][s].\n\n## B\n\n[s]: https://example.org\n';
    const document = parseWith(inChunks, markdown);
    expect(document).toEqual(parseWith(whole, markdown));
    expect(document.all.map((section) => section.heading.text)).toEqual(['A', 'B']);
  });
});
