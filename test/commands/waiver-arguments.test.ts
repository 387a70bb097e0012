import { parseCommand } from '../../src/commands/parse.js';
import { parseWaiverArguments } from '../../src/commands/waiver-arguments.js';

describe('/spec-template waive SECTION [in PATH] — REASON', () => {
  test('the section, the path and the reason, with any of the three dashes', () => {
    for (const dash of ['—', '--', '-']) {
      expect(parseWaiverArguments(`Rollout in docs/specs/search.md ${dash} ships dark, no users yet`)).toEqual({
        section: 'Rollout',
        path: 'docs/specs/search.md',
        reason: 'ships dark, no users yet',
      });
    }
  });

  test('without a path; a section whose name says "in", quoted or not', () => {
    expect(parseWaiverArguments('Changes in behaviour — none')).toEqual({ section: 'Changes in behaviour', reason: 'none' });
    expect(parseWaiverArguments('"Prior art" in `rfcs/0042-x.md` -- 2019 RFC')).toEqual({ section: 'Prior art', path: 'rfcs/0042-x.md', reason: '2019 RFC' });
  });

  test('no dash, or nothing after it, is no reason; a hyphen inside a word is not the dash', () => {
    expect(parseWaiverArguments('Rollout')).toEqual({ section: 'Rollout', reason: '' });
    expect(parseWaiverArguments('Roll-out plan —')).toEqual({ section: 'Roll-out plan', reason: '' });
    expect(parseWaiverArguments('')).toEqual({ problem: expect.stringContaining('Name the section') });
  });

  test('waive and unwaive are commands', () => {
    expect(parseCommand('/spec-template waive Rollout — later')).toEqual({ name: 'waive', argument: 'Rollout — later' });
    expect(parseCommand('/spec-template unwaive Rollout in docs/specs/a.md')).toEqual({ name: 'unwaive', argument: 'Rollout in docs/specs/a.md' });
  });
});
