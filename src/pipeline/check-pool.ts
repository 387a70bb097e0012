import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolicyOptions } from '../core/policy.js';
import type { Finding } from '../core/types.js';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import { policyOptions, type SpecgateConfig } from '../config/load.js';
import type { FileReport } from '../verdict/report.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import type { CheckAnswer, CheckJob } from './check-worker.js';

/** How much a single spec may cost: the server's operator settings, not a repository's (or the CLI's environment). */
export interface CheckLimits {
  timeoutMs: number;
  memoryMb: number;
  threads: number;
}

export function limitsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): CheckLimits {
  const number = (name: string, fallback: number) => {
    const value = Number(environment[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    timeoutMs: number('SPECGATE_CHECK_TIMEOUT_MS', 10_000),
    memoryMb: number('SPECGATE_CHECK_MEMORY_MB', 256),
    threads: number('SPECGATE_CHECK_THREADS', Math.min(2, availableParallelism())),
  };
}

// src/pipeline and build/pipeline both sit two levels below the package root; the worker runs compiled.
const WORKER = new URL('../../build/pipeline/check-worker.js', import.meta.url);

type Answer = Omit<CheckAnswer, 'id'>;

interface Pending {
  job: CheckJob;
  resolve: (answer: Answer) => void;
}

/**
 * Checks specs on worker threads within a time and memory limit. A spec that exceeds either gets a
 * `too-complex` finding, its thread is stopped and replaced, and the run still completes. The app
 * and the CLI share it: one pathological file can hold up neither a server nor a pre-commit hook.
 */
export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private running = 0;
  private nextId = 0;

  constructor(private readonly limits: CheckLimits = limitsFromEnvironment()) {}

  check(request: { bytes: Uint8Array; templateText: string; options: PolicyOptions; maxBytes: number }): Promise<Answer> {
    return new Promise((resolve) => {
      this.queue.push({ job: { ...request, id: ++this.nextId }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.running < this.limits.threads)) {
      const pending = this.queue.shift()!;
      const worker = this.idle.pop() ?? this.spawn();
      this.running += 1;
      this.run(worker, pending);
    }
  }

  protected spawn(): Worker {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    worker.unref();
    // A thread given up for its time limit can still run out of memory before it stops; an 'error'
    // with no listener would take the whole server down with it.
    worker.on('error', () => undefined);
    return worker;
  }

  private run(worker: Worker, { job, resolve }: Pending): void {
    const finish = (answer: Answer, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      this.running -= 1;
      if (healthy) this.idle.push(worker);
      else void worker.terminate();
      resolve(answer);
      this.pump();
    };
    const onMessage = (answer: CheckAnswer) => {
      if (answer.id !== job.id) return;
      const { id: _id, ...rest } = answer;
      finish(rest, true);
    };
    const onError = (error: Error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ findings: [tooComplex(outOfMemory ? `Checking this file took more than ${this.limits.memoryMb} MB of memory` : 'The checker failed on this file')] }, false);
    };
    const timer = setTimeout(() => finish({ findings: [tooComplex(`Checking this file took more than ${this.limits.timeoutMs / 1000} s`)] }, false), this.limits.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
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
