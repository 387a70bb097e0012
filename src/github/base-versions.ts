import type { ChangedFile } from '../verdict/changes.js';
import { readFileAtRef, type ContentClient } from './contents.js';

/** Blob bytes by SHA: the app's memory, shared with the head blobs. */
export interface BlobCache {
  get(sha: string): Uint8Array | undefined;
  set(sha: string, bytes: Uint8Array): void;
}

/**
 * For `enforce: new-problems`: a changed spec's version at the base commit (a renamed spec at its
 * old path), read through the contents API and cached by blob SHA like every other blob.
 * Undefined when the base does not have it: an added spec is new in full.
 */
export async function readBaseVersion(client: ContentClient, file: ChangedFile, baseSha: string, blobs?: BlobCache): Promise<{ sha: string; bytes: Uint8Array } | undefined> {
  if (file.status === 'added') return undefined;
  const found = await readFileAtRef(client, file.previousPath ?? file.path, baseSha, blobs && ((sha) => blobs.get(sha)));
  if (found.kind !== 'file') return undefined;
  blobs?.set(found.sha, found.bytes);
  return { sha: found.sha, bytes: found.bytes };
}
