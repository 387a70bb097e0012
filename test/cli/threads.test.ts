import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadCount, THREADS_FROM_FILES } from '../../src/cli/threads.js';
import { specgate } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';

/**
 * A folder of `count` real Rust RFCs (the vendored ones, test/fixtures/differential/rust-rfcs,
 * each copied under several numbers) with the RFC template beside them.
 */
function rfcFolder(count: number): string {
  const vendored = join(FIXTURES, 'differential', 'rust-rfcs');
  const directory = mkdtempSync(join(tmpdir(), 'specgate-threads-'));
  cpSync(join(vendored, '0000-template.md'), join(directory, '0000-template.md'));
  const texts = readdirSync(join(vendored, 'text')).map((name) => [name, readFileSync(join(vendored, 'text', name), 'utf8')] as const);
  cpSync(join(vendored, 'text'), join(directory, 'text'), { recursive: true });
  for (let i = texts.length; i < count; i++) {
    const [name, text] = texts[i % texts.length]!;
    writeFileSync(join(directory, 'text', `${String(i).padStart(4, '0')}-copy-of-${name}`), text);
  }
  return directory;
}

describe('specgate check on worker threads', () => {
  test('a large run uses one thread per core but one (none on 2 cores, at most 8), a small one none; SPECGATE_THREADS decides when set', () => {
    expect(threadCount(THREADS_FROM_FILES, {}, 4)).toBe(1);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 4)).toBe(3);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 2)).toBe(1);
    expect(threadCount(THREADS_FROM_FILES + 1, {}, 32)).toBe(8);
    expect(threadCount(1000, { SPECGATE_THREADS: '1' }, 4)).toBe(1);
    expect(threadCount(10, { SPECGATE_THREADS: '3' }, 2)).toBe(3);
    expect(threadCount(2, { SPECGATE_THREADS: '3' }, 2)).toBe(2);
    expect(threadCount(1000, { SPECGATE_THREADS: 'many' }, 4)).toBe(3);
  });

  const small = rfcFolder(24);

  test.each(['text', 'json', 'sarif', 'github'])('the %s output is the same, byte for byte and in the same order, with threads as without', (format) => {
    const args = ['check', 'text/*.md', '--template', '0000-template.md', '--format', format];
    const alone = specgate(args, small, { SPECGATE_THREADS: '1' });
    const threaded = specgate(args, small, { SPECGATE_THREADS: '3' });
    expect(alone.stderr).toBe('');
    expect(alone.stdout.length).toBeGreaterThan(1000);
    expect(threaded).toEqual(alone);
  });

  test(`more than ${THREADS_FROM_FILES} files on two threads give the same report as on one`, () => {
    const large = rfcFolder(THREADS_FROM_FILES + 10);
    const args = ['check', 'text', '--template', '0000-template.md', '--format', 'json'];
    const alone = specgate(args, large, { SPECGATE_THREADS: '1' });
    const threaded = specgate(args, large, { SPECGATE_THREADS: '2' });
    expect((JSON.parse(alone.stdout) as { files: unknown[] }).files).toHaveLength(THREADS_FROM_FILES + 10);
    expect(threaded).toEqual(alone);
  }, 120_000);
});
