/**
 * The pool's bookkeeping, as a caller sees it: which threads it starts, what an answer carries,
 * and where the job queued behind a given-up spec goes. Deadlines are fake timers that fire only
 * when a test advances them, so nothing here depends on how fast or busy the machine is.
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { builtinTemplate } from '../../src/config/builtin-template.js';
import { defaultConfig, policyOptions } from '../../src/config/load.js';
import { CheckPool } from '../../src/pipeline/check-pool.js';
import { spawnCheckThread } from '../../src/pipeline/check-thread.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

const config = defaultConfig();
const bytes = (path: string) => readFileSync(join(FIXTURES, path));

/** A pool that counts the threads it starts itself. */
class CountingPool extends CheckPool {
  spawned = 0;
  protected override spawn(): Worker {
    this.spawned += 1;
    return super.spawn();
  }
}

const request = (path: string) => ({ bytes: bytes(path), templateText: builtinTemplate(), options: policyOptions(config, undefined), maxBytes: config.max_file_size });

async function withPool<T>(pool: CheckPool, work: (pool: CheckPool) => Promise<T>): Promise<T> {
  jest.useFakeTimers();
  try {
    return await work(pool);
  } finally {
    jest.useRealTimers();
    await pool.close();
  }
}

describe('the check pool', () => {
  test('answers carry the decoded text unless the caller asks for none (the CLI quotes no line)', async () => {
    const spec = 'hostile/heading-traps.md';
    const withText = await withPool(new CheckPool({ timeoutMs: 10_000, memoryMb: 128, threads: 1 }), (pool) => pool.check(request(spec)));
    const without = await withPool(new CheckPool({ timeoutMs: 10_000, memoryMb: 128, threads: 1 }, { texts: false }), (pool) => pool.check(request(spec)));
    expect(withText.text).toBe(bytes(spec).toString('utf8'));
    expect(without.text).toBeUndefined();
    expect(without.findings).toEqual(withText.findings);
  });

  test('a thread started before the pool is used first: one check starts none', async () => {
    const pool = new CountingPool({ timeoutMs: 10_000, memoryMb: 128, threads: 1 }, { started: [spawnCheckThread(128)] });
    const answer = await withPool(pool, (started) => started.check(request('hostile/heading-traps.md')));
    expect(answer.findings.some((finding) => finding.rule === 'missing-section')).toBe(true);
    expect(pool.spawned).toBe(0);
  });

  test('two specs at once on one thread: both answered, in their own order, by the one thread', async () => {
    const pool = new CountingPool({ timeoutMs: 10_000, memoryMb: 128, threads: 1 });
    const [traps, utf8] = await withPool(pool, (one) => Promise.all([one.check(request('hostile/heading-traps.md')), one.check(request('hostile/invalid-utf8.md'))]));
    expect(traps!.findings.some((finding) => finding.rule === 'missing-section')).toBe(true);
    expect(utf8!.findings).toEqual([expect.objectContaining({ rule: 'not-text' })]);
    expect(pool.spawned).toBe(1);
  });

  test('the spec queued behind one given up for its time limit is checked on a new thread, in full', async () => {
    const pool = new CountingPool({ timeoutMs: 1000, memoryMb: 128, threads: 1 });
    const [deep, traps] = await withPool(pool, async (strict) => {
      const answers = [strict.check(request('hostile/deep-nesting.md')), strict.check(request('hostile/heading-traps.md'))];
      // The deadline passes before the thread answers (the fake clock moves first), whatever the file.
      jest.advanceTimersByTime(1000);
      return Promise.all(answers);
    });
    expect(deep!.findings).toEqual([expect.objectContaining({ rule: 'too-complex', message: expect.stringContaining('took more than 1 s') })]);
    expect(traps!.findings.some((finding) => finding.rule === 'missing-section')).toBe(true);
    expect(pool.spawned).toBe(2);
  });

  test("an idle pool that is never closed (a server's) lets its process exit", () => {
    const script = join(mkdtempSync(join(tmpdir(), 'specgate-pool-')), 'idle-pool.mjs');
    writeFileSync(
      script,
      `import { CheckPool } from ${JSON.stringify(pathToFileURL(join(ROOT, 'build/pipeline/check-pool.js')).href)};
      import { builtinTemplate } from ${JSON.stringify(pathToFileURL(join(ROOT, 'build/config/builtin-template.js')).href)};
      import { defaultConfig, policyOptions } from ${JSON.stringify(pathToFileURL(join(ROOT, 'build/config/load.js')).href)};
      const config = defaultConfig();
      const pool = new CheckPool({ timeoutMs: 10000, memoryMb: 128, threads: 2 });
      const answer = await pool.check({ bytes: new TextEncoder().encode('# A spec'), templateText: builtinTemplate(), options: policyOptions(config, undefined), maxBytes: config.max_file_size });
      console.log([...new Set(answer.findings.map((finding) => finding.rule))].join(' '));`,
    );
    // The bound only stops a hung process, so that a failure shows as one: it is not a timing.
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stdout.trim()).toBe('missing-section');
    expect(run.status).toBe(0);
  }, 90_000);
});
