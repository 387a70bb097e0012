/**
 * A spec's bytes: from the workspace when the checkout holds exactly the pull request's version
 * (its git blob SHA is the one GitHub lists), else by that blob SHA through the API. The default
 * checkout of a pull request is GitHub's merge commit, which can differ from the head; comparing
 * blob SHAs makes that safe without trusting what the checkout happens to be.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedFile } from '../verdict/changes.js';
import { fetchBlob } from '../github/contents.js';
import type { ApiClient } from './github.js';

export type SpecSource = 'workspace' | 'api';

export interface SpecBytes {
  bytes: Uint8Array;
  from: SpecSource;
}

/** Git's object name for a file's content: sha1 of `blob <size>\0<bytes>`. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** The workspace's copy of a repository path, when it is a regular file (a symlink is not followed). */
export function readWorkspaceFile(workspace: string, path: string): Uint8Array | undefined {
  const file = join(workspace, path);
  try {
    if (!lstatSync(file).isFile()) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export async function readSpec(file: ChangedFile, workspace: string, client: ApiClient): Promise<SpecBytes> {
  const local = readWorkspaceFile(workspace, file.path);
  if (local !== undefined && gitBlobSha(local) === file.blobSha) return { bytes: local, from: 'workspace' };
  return { bytes: await fetchBlob(client, file.blobSha), from: 'api' };
}
