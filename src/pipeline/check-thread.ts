/**
 * One check thread and the limits it runs under. Kept apart from the pool (and its imports of the
 * configuration) so the CLI can start a thread before it loads anything else: the thread's own
 * start-up (a V8 isolate, the core's modules) then overlaps the CLI's.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

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

/** A check thread under a heap limit, that keeps no process alive on its own. */
export function spawnCheckThread(memoryMb: number): Worker {
  const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  worker.unref();
  // A thread given up for its time limit can still run out of memory before it stops; an 'error'
  // with no listener would take the whole server down with it.
  worker.on('error', () => undefined);
  return worker;
}
