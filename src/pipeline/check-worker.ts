/**
 * A worker thread that checks one spec at a time, so a pathological file (a megabyte of nested
 * lists parses for a minute) costs a thread the pool can stop, never the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { compilePolicy } from '../config/compiled-policy.js';
import { checkSpecInContext } from '../core/check.js';
import { decodeSpec } from '../core/decode.js';
import type { PolicyOptions } from '../core/policy.js';
import type { AppliedStatus } from '../core/status.js';
import type { Finding } from '../core/types.js';

export interface CheckJob {
  id: number;
  bytes: Uint8Array;
  templateText: string;
  options: PolicyOptions;
  maxBytes: number;
  /** Whether the answer carries the decoded text: only a caller that quotes the spec needs it back. */
  withText: boolean;
}

export interface CheckAnswer {
  id: number;
  findings: Finding[];
  text?: string;
  status?: AppliedStatus;
}

parentPort?.on('message', (job: CheckJob) => {
  const decoded = decodeSpec(job.bytes, job.maxBytes);
  const answer: CheckAnswer = decoded.finding
    ? { id: job.id, findings: [decoded.finding] }
    : { id: job.id, ...checkSpecInContext(decoded.text, compilePolicy(job.templateText, job.options).policy), ...(job.withText ? { text: decoded.text } : {}) };
  parentPort!.postMessage(answer);
});
