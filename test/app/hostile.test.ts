/**
 * The hostile corpus (test/fixtures/hostile/): every file gets an answer within the pool's time and
 * memory limits, a clear finding instead of a crash, and the event loop is never blocked by one.
 * Where a test needs one outcome, the pool's deadline is a fake timer that fires only when the test
 * advances it, so the result does not depend on how fast or busy the machine is.
 */
import { jest } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CheckPool } from '../../src/pipeline/check-pool.js';
import { builtinTemplate } from '../../src/config/builtin-template.js';
import { defaultConfig, policyOptions } from '../../src/config/load.js';
import { parseConfig } from '../../src/config/parse.js';
import { FIXTURES } from '../helpers/fixtures.js';

const HOSTILE = join(FIXTURES, 'hostile');
const config = defaultConfig();
const options = policyOptions(config, undefined);
const bytes = (name: string) => readFileSync(join(HOSTILE, name));

let pool: CheckPool;
beforeAll(() => {
  // Tight limits, so the slow files show what happens when one is exceeded.
  pool = new CheckPool({ timeoutMs: 3000, memoryMb: 128, threads: 2 });
});
afterAll(() => pool.close());

/** The answer to a check whose time limit never passes: the pool's deadline is a fake timer not advanced. */
async function withoutDeadline<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers();
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
}

const check = (name: string, templateText = builtinTemplate()) =>
  pool.check({ bytes: bytes(name), templateText, options, maxBytes: config.max_file_size });

describe('the hostile corpus', () => {
  test.each(readdirSync(HOSTILE).filter((name) => name.endsWith('.md') && !name.startsWith('template-')))('%s gets an answer, never a crash', async (name) => {
    const { findings } = await check(name);
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.message.length).toBeGreaterThan(0);
    }
  });

  test('a file over the time limit gets a too-complex finding, and the next file is checked normally', async () => {
    const strict = new CheckPool({ timeoutMs: 1000, memoryMb: 128, threads: 1 });
    const run = (name: string) => strict.check({ bytes: bytes(name), templateText: builtinTemplate(), options, maxBytes: config.max_file_size });
    jest.useFakeTimers();
    try {
      expect((await run('heading-traps.md')).findings.some((finding) => finding.rule === 'too-complex')).toBe(false);
      // The deadline passes before the thread answers (the fake clock moves first), whatever the file.
      const overdue = run('deep-nesting.md');
      jest.advanceTimersByTime(1000);
      expect((await overdue).findings).toEqual([
        expect.objectContaining({ rule: 'too-complex', severity: 'error', line: 1, message: expect.stringContaining('took more than 1 s') }),
      ]);
      // The stopped thread was replaced: the next spec is checked as usual.
      expect((await run('heading-traps.md')).findings.some((finding) => finding.rule === 'too-complex')).toBe(false);
    } finally {
      jest.useRealTimers();
      await strict.close();
    }
  });

  test('a thread given up for its time limit that then fails (out of memory, say) does not take the process down', async () => {
    const spawned: Worker[] = [];
    class WatchedPool extends CheckPool {
      protected override spawn(): Worker {
        const worker = super.spawn();
        spawned.push(worker);
        return worker;
      }
    }
    const strict = new WatchedPool({ timeoutMs: 200, memoryMb: 128, threads: 1 });
    jest.useFakeTimers();
    try {
      const answer = strict.check({ bytes: bytes('deep-nesting.md'), templateText: builtinTemplate(), options, maxBytes: config.max_file_size });
      jest.advanceTimersByTime(200);
      expect((await answer).findings).toEqual([expect.objectContaining({ rule: 'too-complex' })]);
      // What Node does when such a thread hits its heap limit while being stopped: an 'error' event.
      expect(() => spawned[0]!.emit('error', Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).not.toThrow();
    } finally {
      jest.useRealTimers();
      await strict.close();
    }
  });

  test('every heading trap is text, not a section: only Context & Goal counts', async () => {
    const { findings } = await withoutDeadline(() => check('heading-traps.md'));
    const missing = findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.section);
    expect(missing).toEqual(['Outcomes', 'Stakeholders', 'User Stories', 'API Contract', 'Data Model', 'Orchestration', 'Security', 'Observability', 'Acceptance Criteria', 'Rollout', 'Open Questions']);
  });

  test('NUL bytes and invalid UTF-8 are not text', async () => {
    expect((await withoutDeadline(() => check('nul-bytes.md'))).findings).toEqual([expect.objectContaining({ rule: 'not-text' })]);
    expect((await withoutDeadline(() => check('invalid-utf8.md'))).findings).toEqual([expect.objectContaining({ rule: 'not-text' })]);
  });

  test("a template with 10,000 sections checks a spec that has half of them within the server's default memory limit: 5,000 missing", async () => {
    const roomy = new CheckPool({ timeoutMs: 10_000, memoryMb: 256, threads: 1 });
    try {
      const { findings } = await withoutDeadline(() =>
        roomy.check({ bytes: bytes('spec-for-10000-sections.md'), templateText: bytes('template-10000-sections.md').toString('utf8'), options, maxBytes: config.max_file_size }),
      );
      expect(findings.filter((finding) => finding.rule === 'too-complex')).toEqual([]);
      expect(findings.filter((finding) => finding.rule === 'missing-section')).toHaveLength(5000);
    } finally {
      await roomy.close();
    }
  }, 60_000);

  test.each(['billion-laughs.yml', 'evil-tag.yml'])('the configuration %s is refused with a reason', (name) => {
    const { problems } = parseConfig(bytes(name).toString('utf8'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^The configuration (cannot be read|is not valid YAML)/);
  });
});
