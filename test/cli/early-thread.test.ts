/**
 * The check thread `specgate check` starts before it loads its modules: started for a command line
 * that will check files, handed to the pool once, and not started where nothing may be checked.
 */
import { startEarly, takeStarted } from '../../src/cli/early-thread.js';

const startedFor = async (argv: string[]): Promise<number> => {
  startEarly(argv);
  const threads = takeStarted();
  await Promise.all(threads.map((thread) => thread.terminate()));
  return threads.length;
};

describe('the check thread started early', () => {
  test('check and fix start one; the pool takes it once', async () => {
    expect(await startedFor(['check', 'docs/specs', '--format', 'json'])).toBe(1);
    expect(await startedFor(['fix', 'docs/specs/a.md'])).toBe(1);
    startEarly(['check']);
    const first = takeStarted();
    expect(takeStarted()).toEqual([]);
    await Promise.all(first.map((thread) => thread.terminate()));
  });

  test('no thread for other commands, --help or --version, nor a --cache run that may check nothing', async () => {
    for (const argv of [['new', 'docs/specs/x.md'], ['template'], ['check', '--help'], ['check', '-v'], ['check', '--cache'], ['check', '--cache-location=.c'], []]) {
      expect(await startedFor(argv)).toBe(0);
    }
  });
});
