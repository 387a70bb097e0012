import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { threadCount, THREADS_FROM_FILES } from '../../src/cli/threads.js';
import { specgate } from '../helpers/cli.js';
import { CORPUS } from '../helpers/core.js';

const RFCS = join(CORPUS, 'rust-rfcs');

describe('specgate check on worker threads', () => {
  test('a large run uses one thread per core but one (none on 2 cores), a small one none; SPECGATE_THREADS decides when set', () => {
    expect(threadCount(THREADS_FROM_FILES, {}, 4)).toBe(1);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 4)).toBe(3);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 2)).toBe(1);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 32)).toBe(8);
    expect(threadCount(THREADS_FROM_FILES + 1, {})).toBe(Math.max(1, Math.min(availableParallelism() - 1, 8)));
    expect(threadCount(1000, { SPECGATE_THREADS: '1' }, 4)).toBe(1);
    expect(threadCount(10, { SPECGATE_THREADS: '3' }, 2)).toBe(3);
    expect(threadCount(2, { SPECGATE_THREADS: '3' }, 2)).toBe(2);
    expect(threadCount(1000, { SPECGATE_THREADS: 'many' }, 4)).toBe(3);
  });

  test.each(['text', 'json', 'sarif', 'github'])('the %s output is the same, byte for byte and in the same order, with threads as without', (format) => {
    const args = ['check', 'text/0[0-2]*.md', '--template', '0000-template.md', '--format', format];
    const alone = specgate(args, RFCS, { SPECGATE_THREADS: '1' });
    const threaded = specgate(args, RFCS, { SPECGATE_THREADS: '3' });
    expect(alone.stderr).toBe('');
    expect(alone.stdout.length).toBeGreaterThan(1000);
    expect(threaded).toEqual(alone);
  });

  test(`more than ${THREADS_FROM_FILES} files (all 648 RFCs) on two threads give the same report as on one`, () => {
    const args = ['check', 'text', '--template', '0000-template.md', '--format', 'json'];
    const alone = specgate(args, RFCS, { SPECGATE_THREADS: '1' });
    const threaded = specgate(args, RFCS, { SPECGATE_THREADS: '2' });
    expect((JSON.parse(alone.stdout) as { files: unknown[] }).files).toHaveLength(648);
    expect(threaded).toEqual(alone);
  }, 120_000);
});
