/**
 * A worker thread of `specgate check`: compiles the run's policies once, then checks the batches
 * of files the main thread sends, answering each batch with its reports in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SpecgateConfig } from '../config/load.js';
import { compilePolicies } from '../config/policies.js';
import type { FileReport } from '../render/report.js';
import { checkFile } from '../verdict/evaluate.js';

/** What every batch shares: the configuration and the templates' text, as the main thread read them. */
export interface WorkerSetup {
  config: SpecgateConfig;
  needed: Array<string | undefined>;
  texts: Array<[string, string | undefined]>;
}

export interface Batch {
  id: number;
  files: Array<{ path: string; bytes: Uint8Array; template: string | undefined }>;
}

export type BatchAnswer = { id: number; reports: FileReport[]; error?: undefined } | { id: number; error: string; reports?: undefined };

const setup = workerData as WorkerSetup;
// The main thread compiled the same policies and found no problem, so no line is ever asked for.
const policies = compilePolicies({ config: setup.config, problems: [], lineOf: () => 1 }, setup.needed, new Map(setup.texts));

parentPort?.on('message', (batch: Batch) => {
  let answer: BatchAnswer;
  try {
    const reports = batch.files.map(({ path, bytes, template }) => checkFile(path, bytes, template, policies, setup.config.max_file_size).report);
    answer = { id: batch.id, reports };
  } catch (error) {
    answer = { id: batch.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(answer);
});
