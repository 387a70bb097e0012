import { parseCommand } from '../../src/commands/parse.js';
import { fixture } from '../helpers/fixtures.js';

describe('reading a /spec-template command from a comment', () => {
  test.each([
    ['/spec-template', { name: 'help', argument: '' }],
    ['/spec-template help', { name: 'help', argument: '' }],
    ['/spec-template check', { name: 'check', argument: '' }],
    ['/spec-template new docs/specs/a.md', { name: 'new', argument: 'docs/specs/a.md' }],
    ['/spec-template FILL docs/specs/a.md  ', { name: 'fill', argument: 'docs/specs/a.md' }],
    ['/spec-template skip  hotfix for the outage, spec follows', { name: 'skip', argument: 'hotfix for the outage, spec follows' }],
    ['/spec-template frobnicate', { name: 'unknown', word: 'frobnicate' }],
  ])('%j', (comment, expected) => {
    expect(parseCommand(comment)).toEqual(expected);
  });

  test('a command on a later line of the comment counts', () => {
    expect(parseCommand(fixture('commands/fill-after-text.md'))).toEqual({ name: 'fill', argument: 'docs/specs/audit-log-export.md' });
  });


  test('the first command wins when a comment has two', () => {
    expect(parseCommand(fixture('commands/two-commands.md'))).toEqual({ name: 'check', argument: '' });
  });

  test.each(['in-code-block.md', 'quoted.md', 'in-list.md'])('%s holds no command (a command is a line that starts with it)', (name) => {
    expect(parseCommand(fixture(`commands/${name}`))).toBeUndefined();
  });

  test.each(['/spec-templates', 'please run /spec-template check', '/spec-template\u00a0check?', ''])('%j is not a command', (comment) => {
    expect(parseCommand(comment)).toBeUndefined();
  });
});
