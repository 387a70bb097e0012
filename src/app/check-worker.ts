/**
 * A worker thread that checks one spec at a time, so a pathological file (a megabyte of nested
 * lists parses for a minute) costs a thread the pool can stop, never the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import { checkSpec } from '../core/check.js';
import { decodeSpec } from '../core/decode.js';
import { createPolicy, type Policy, type PolicyOptions } from '../core/policy.js';
import { parseTemplate } from '../core/template.js';
import type { Finding } from '../core/types.js';

export interface CheckJob {
  id: number;
  bytes: Uint8Array;
  templateText: string;
  options: PolicyOptions;
  maxBytes: number;
}

export interface CheckAnswer {
  id: number;
  findings: Finding[];
  text?: string;
}

const policies = new LRUCache<string, Policy>({ max: 64 });

function policyFor(templateText: string, options: PolicyOptions): Policy {
  const key = JSON.stringify([templateText, options]);
  const cached = policies.get(key);
  if (cached) return cached;
  const { policy } = createPolicy(parseTemplate(templateText), options);
  policies.set(key, policy);
  return policy;
}

parentPort?.on('message', (job: CheckJob) => {
  const decoded = decodeSpec(job.bytes, job.maxBytes);
  const answer: CheckAnswer = decoded.finding
    ? { id: job.id, findings: [decoded.finding] }
    : { id: job.id, findings: checkSpec(decoded.text, policyFor(job.templateText, job.options)), text: decoded.text };
  parentPort!.postMessage(answer);
});
