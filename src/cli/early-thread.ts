/**
 * A check thread started before the CLI loads its own modules, so the thread's start-up (an
 * isolate, the core's modules: ~0.15 s) runs on another core while the CLI loads, finds and reads
 * the files. Only for a command line that will surely check something; the pool takes it over.
 */
import type { Worker } from 'node:worker_threads';
import { limitsFromEnvironment, spawnCheckThread } from '../pipeline/check-thread.js';

let started: Worker[] = [];

/**
 * `check` or `fix` as the first word, and no option that may leave nothing to check (a warm
 * `--cache`) or nothing to run (`--help`, `--version`). Any other form just starts its thread later.
 */
export function startEarly(argv: readonly string[]): void {
  const checks = argv[0] === 'check' || argv[0] === 'fix';
  const skips = argv.some((arg) => /^(?:--cache|--cache-location(?:=.*)?|--help|-h|--version|-v)$/.test(arg));
  if (checks && !skips) started = [spawnCheckThread(limitsFromEnvironment().memoryMb)];
}

/** The threads started early, handed over once: a second check in the same run starts its own. */
export function takeStarted(): Worker[] {
  const taken = started;
  started = [];
  return taken;
}
