import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CheckedFile } from '../verdict/evaluate.js';

/** What one process remembers between events, so a re-run asks GitHub only for what changed. */
export interface AppMemory {
  /** A spec's bytes by blob SHA: the same SHA is the same bytes on every branch and fork. */
  blobs: LRUCache<string, Uint8Array>;
  /** A spec's check by blob SHA and policy fingerprint: parsed once, whatever event asks again. */
  checks: LRUCache<string, CheckedFile>;
  /** The last check-run result posted per repository, commit and check name (only when alone). */
  checkRuns?: LRUCache<string, string>;
  /** The sticky comment per pull request, as this process last saw or wrote it (null: there is none; only when alone). */
  comments?: LRUCache<string, { comment: { id: number; body: string } | null }>;
  /** The line comments per pull request this process posted or left out (only when alone). */
  reviews?: LRUCache<string, Set<string>>;
}

/** Memory caps from SPECGATE_CACHE_MB (default 64 MB), shared by blobs and checks. */
export function createMemory({ cacheMegabytes = Number(process.env.SPECGATE_CACHE_MB ?? 64), rememberGitHub = true } = {}): AppMemory {
  const bytes = Math.max(1, cacheMegabytes) * 1024 * 1024;
  const memory: AppMemory = {
    blobs: new LRUCache<string, Uint8Array>({ maxSize: bytes / 2, sizeCalculation: (value) => Math.max(1, value.byteLength) }),
    checks: new LRUCache<string, CheckedFile>({
      maxSize: bytes / 2,
      // The text (two bytes a character) and its findings dominate.
      sizeCalculation: (value) => Math.max(1, (value.text?.length ?? 0) * 2 + value.report.findings.length * 256),
    }),
  };
  // Another replica may have written since: then only GitHub knows, and it is asked.
  if (rememberGitHub) {
    memory.checkRuns = new LRUCache<string, string>({ max: 10_000 });
    memory.comments = new LRUCache<string, { comment: { id: number; body: string } | null }>({ max: 10_000 });
    memory.reviews = new LRUCache<string, Set<string>>({ max: 10_000 });
  }
  return memory;
}

/** A pull request's key in the memory and the locks: `owner/repo#number`. */
export function pullKey(client: { owner: string; repo: string }, pullNumber: number): string {
  return `${client.owner}/${client.repo}#${pullNumber}`;
}

export function fingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
