import { availableParallelism } from 'node:os';

/** Below this many files, a second thread costs more than it saves. */
export const THREADS_FROM_FILES = 200;

/**
 * How many worker threads a check of `files` files uses: `SPECGATE_THREADS` when set, else for a
 * large run one per core but one, else one. One core is left to V8: while one thread parses, its
 * garbage collector and compiler threads already keep a second core busy. On a 2-core machine two
 * workers were measured again (2026-12-01, `node bench/cli-rounds.mjs`, rust-rfcs, 8 rounds): no
 * faster even in the rounds where no other process ran (3.7-4.0 s against 3.1-3.8 s),
 * and 25% more CPU time (7.1 s against 5.6 s: each thread compiles and warms up the core anew).
 */
export function threadCount(files: number, environment: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const configured = Number(environment.SPECGATE_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, Math.max(1, files));
  return files > THREADS_FROM_FILES ? Math.max(1, Math.min(cores - 1, 8)) : 1;
}
