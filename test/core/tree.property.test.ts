import fc from 'fast-check';
import { parseSpec } from '../../src/core/parse.js';
import { referenceSpec } from '../../src/core/reference.js';

/**
 * parseSpec builds its section tree on the hot path; the reference semantics are mdast's
 * (src/core/reference.ts). On any markdown, the document must be the one mdast gives.
 */
// Every construct the tree builder handles, and the characters that start or end them.
const FRAGMENTS = [
  '# ', '## Summary', '### ', 'Title', '\n', '\r\n', '\r', '\t', '    ', '  ', ' ', '---', '===', '***', '___',
  '```', '~~~', '```js', '`', '``', '<!--', '-->', '<div>', '</div>', '<b>', '<role>', '<br/>', '>', '> ', '- ', '* ', '+ ', '1. ', '2) ',
  '[', ']', '(', ')', '![', '](x)', '](<a b> "t")', '[x]: /u "title"', '[x]', '[x][]', '[y][x]', '[^1]', '[^1]: note', '[ ] ', '[x] ', '- [ ] ',
  '|', '| a | b |', '|---|:-:|', ':-', '~~', '~', '*', '**', '_', '__', '\\', '\\*', '\\\n', '  \n', '&amp;', '&#35;', '&#x41;', '&nope;',
  'http://x.org', '<http://x.org>', '<a@b.co>', 'TODO', 'text', 'ünï', '🔒', 'word', '+++', 'key: v',
];
const markdown = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
const lines = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\n\n')), { maxLength: 25 })
  .map((rows) => rows.map(([start, rest, end]) => start + rest.join('') + end).join(''));
const frontMatter = fc.tuple(fc.constantFrom('---\n', '+++\n'), lines).map(([fence, body]) => `${fence}title: x\n${fence}${body}`);

describe('the tree parseSpec builds from micromark events', () => {
  test('gives the same document as mdast-util-from-markdown, on any markdown', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, lines, frontMatter, fc.string({ maxLength: 120 })), (text) => {
        expect(parseSpec(text)).toEqual(referenceSpec(text));
      }),
      // A check after an empty list item opens a paragraph outside it: there mdast keeps the space after `[ ]`.
      { numRuns: 3000, examples: [['-\n[ ] foo\n'], ['- a\n- \n[x] b\n']] },
    );
  });
});
