import pLimit from 'p-limit';
import type { GitHubSpec } from './changed-specs.js';
import { readFileAtRef, type ContentClient } from './contents.js';

/** Blob bytes by SHA: the app's memory, shared with the head blobs. */
export interface BlobCache {
  get(sha: string): Uint8Array | undefined;
  set(sha: string, bytes: Uint8Array): void;
}

/**
 * For `enforce: new-problems` (the pipeline's `base`): each spec's version at the base commit (a
 * renamed spec at its old path), read through the contents API and cached by blob SHA like every
 * other blob. Undefined when the base does not have it: an added spec is new in full.
 */
export function baseVersionsAt(client: ContentClient, baseSha: string, concurrency: number, blobs?: BlobCache): (spec: GitHubSpec) => Promise<{ spec: GitHubSpec } | undefined> {
  const limit = pLimit(concurrency);
  return async (spec) => {
    if (spec.status === 'added') return undefined;
    const found = await limit(() => readFileAtRef(client, spec.previousPath ?? spec.path, baseSha, blobs && ((sha) => blobs.get(sha))));
    if (found.kind !== 'file') return undefined;
    blobs?.set(found.sha, found.bytes);
    return { spec: { path: spec.path, bytes: found.bytes, blobSha: found.sha, status: 'unchanged' } };
  };
}
