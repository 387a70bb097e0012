import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../render/report.js';
import type { Batch, BatchAnswer, WorkerSetup } from './check-worker.js';

/** Below this many files, starting threads costs more than it saves. */
export const THREADS_FROM_FILES = 200;

/**
 * How many worker threads a check of `files` files uses: `SPECGATE_THREADS` when set (1 means
 * none), else for a large run one per core but one, else none. One core is left to V8: while one
 * thread parses, its garbage collector and compiler threads already keep a second core busy. On
 * a 2-core machine two workers were slower than none (the KEPs: 24 s against 12-19 s, bench/README.md).
 */
export function threadCount(files: number, environment: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const configured = Number(environment.SPECGATE_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, Math.max(1, files));
  return files > THREADS_FROM_FILES ? Math.max(1, Math.min(cores - 1, 8)) : 1;
}

// src/cli and build/cli both sit two levels below the package root; the worker runs compiled.
const WORKER = new URL('../../build/cli/check-worker.js', import.meta.url);

/**
 * Checks files on `threads` worker threads and returns their reports in the order of `files`,
 * exactly as checking them one after the other would. Files go out in small batches to whichever
 * thread is free, so one large file does not hold up the rest.
 */
export async function checkOnThreads(
  files: Batch['files'],
  setup: WorkerSetup,
  threads: number,
  onReport: () => void,
): Promise<FileReport[]> {
  const reports = new Array<FileReport>(files.length);
  const size = Math.max(1, Math.min(16, Math.ceil(files.length / (threads * 12))));
  const starts: number[] = [];
  for (let start = 0; start < files.length; start += size) starts.push(start);
  let next = 0;

  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= starts.length) return resolve();
              const id = next++;
              worker.postMessage({ id, files: files.slice(starts[id], starts[id]! + size) } satisfies Batch);
            };
            worker.on('message', (answer: BatchAnswer) => {
              if (answer.error !== undefined) return reject(new Error(`A check thread failed: ${answer.error}`));
              answer.reports.forEach((report, offset) => {
                reports[starts[answer.id]! + offset] = report;
                onReport();
              });
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (next < starts.length || code !== 0 ? reject(new Error(`A check thread stopped (exit code ${code}).`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return reports;
}
