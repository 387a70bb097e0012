import type { Worker } from 'node:worker_threads';
import type { PolicyOptions } from '../core/policy.js';
import type { Finding } from '../core/types.js';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import { policyOptions, type SpecgateConfig } from '../config/load.js';
import type { FileReport } from '../verdict/report.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import { limitsFromEnvironment, spawnCheckThread, type CheckLimits } from './check-thread.js';
import type { CheckAnswer, CheckJob } from './check-worker.js';


/**
 * Jobs handed to one thread at a time: the one it checks and the next, so it starts on the next
 * spec at once instead of waiting for the calling thread to read its answer and send another.
 */
const JOBS_PER_THREAD = 2;

type Answer = Omit<CheckAnswer, 'id'>;

interface Pending {
  job: CheckJob;
  resolve: (answer: Answer) => void;
}

/** A thread and the jobs it was given, oldest (the one it is checking) first. */
interface Thread {
  worker: Worker;
  jobs: Pending[];
  timer?: ReturnType<typeof setTimeout>;
  listeners: { message: (answer: CheckAnswer) => void; error: (error: Error) => void };
}

export interface PoolOptions {
  /** Whether answers carry the decoded text (the app quotes lines from it; the CLI needs none): true unless false. */
  texts?: boolean;
  /** Threads already started (the CLI starts one before it loads its own modules), used before any new one. */
  started?: readonly Worker[];
}

/**
 * Checks specs on worker threads within a time and memory limit. A spec that exceeds either gets a
 * `too-complex` finding, its thread is stopped and replaced (the job queued behind it goes to
 * another), and the run still completes. The app and the CLI share it: one pathological file can
 * hold up neither a server nor a pre-commit hook.
 */
export class CheckPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;

  constructor(
    private readonly limits: CheckLimits = limitsFromEnvironment(),
    private readonly options: PoolOptions = {},
  ) {
    for (const worker of options.started ?? []) this.adopt(worker);
  }

  check(request: { bytes: Uint8Array; templateText: string; options: PolicyOptions; maxBytes: number }): Promise<Answer> {
    return new Promise((resolve) => {
      this.queue.push({ job: { ...request, id: ++this.nextId, withText: this.options.texts !== false }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    // A job's time limit would otherwise keep the process alive after its thread is gone.
    for (const thread of threads) clearTimeout(thread.timer);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  protected spawn(): Worker {
    return spawnCheckThread(this.limits.memoryMb);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const thread = this.pick();
      if (thread === undefined) return;
      this.give(thread, this.queue.shift()!);
    }
  }

  /** An idle thread, else a new one while under the limit, else one with room for a next job. */
  private pick(): Thread | undefined {
    const idle = this.threads.find((thread) => thread.jobs.length === 0);
    if (idle) return idle;
    if (this.threads.length < this.limits.threads) return this.adopt(this.spawn());
    return this.threads.find((thread) => thread.jobs.length < JOBS_PER_THREAD);
  }

  private adopt(worker: Worker): Thread {
    const thread: Thread = {
      worker,
      jobs: [],
      listeners: {
        message: (answer) => this.answered(thread, answer),
        error: (error) => {
          const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
          this.giveUp(thread, outOfMemory ? `Checking this file took more than ${this.limits.memoryMb} MB of memory` : 'The checker failed on this file');
        },
      },
    };
    worker.on('message', thread.listeners.message);
    worker.on('error', thread.listeners.error);
    // A 'message' listener refs the thread again: an idle pool must not keep a process alive (a server's pool is never closed).
    worker.unref();
    this.threads.push(thread);
    return thread;
  }

  private give(thread: Thread, pending: Pending): void {
    thread.jobs.push(pending);
    thread.worker.postMessage(pending.job);
    if (thread.jobs.length === 1) this.startClock(thread);
  }

  /** The time limit runs for the job a thread is on: from when it is given, or when the one before it is answered. */
  private startClock(thread: Thread): void {
    thread.timer = setTimeout(() => this.giveUp(thread, `Checking this file took more than ${this.limits.timeoutMs / 1000} s`), this.limits.timeoutMs);
  }

  private answered(thread: Thread, { id, ...answer }: CheckAnswer): void {
    if (thread.jobs[0]?.job.id !== id) return;
    clearTimeout(thread.timer);
    thread.jobs.shift()!.resolve(answer);
    if (thread.jobs.length > 0) this.startClock(thread);
    this.pump();
  }

  /** The job a thread is on gets a too-complex finding; the thread is stopped and its next job goes back to the queue's front. */
  private giveUp(thread: Thread, what: string): void {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    clearTimeout(thread.timer);
    this.threads.splice(at, 1);
    thread.worker.off('message', thread.listeners.message);
    thread.worker.off('error', thread.listeners.error);
    void thread.worker.terminate();
    const [current, ...waiting] = thread.jobs;
    this.queue.unshift(...waiting);
    current?.resolve({ findings: [tooComplex(what)] });
    this.pump();
  }
}

function tooComplex(what: string): Finding {
  return {
    rule: 'too-complex',
    severity: 'error',
    section: '(file)',
    line: 1,
    message: `${what}, so it was not checked. Simplify its structure (very deep or very long nested lists, for example) or split it.`,
  };
}

/** One spec checked on the pool, as a report: what `checkFile` gives on the calling thread. */
export async function checkOnPool(
  pool: CheckPool,
  spec: { path: string; bytes: Uint8Array },
  template: { path: string | undefined; text: string },
  config: SpecgateConfig,
): Promise<CheckedFile> {
  const answer = await pool.check({ bytes: spec.bytes, templateText: template.text, options: policyOptions(config, template.path), maxBytes: config.max_file_size });
  const report: FileReport = { path: spec.path, template: template.path ?? BUILTIN_TEMPLATE, findings: answer.findings };
  if (answer.status) report.status = answer.status;
  return answer.text === undefined ? { report } : { report, text: answer.text };
}
