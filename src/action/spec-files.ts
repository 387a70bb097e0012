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
import { statusOf, type ApiClient } from './github.js';

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

/** A blob by SHA from the base repository: a fork's commits are reachable there too. */
export async function fetchBlob(client: ApiClient, sha: string): Promise<Uint8Array> {
  const { data } = await client.octokit.rest.git.getBlob({ owner: client.owner, repo: client.repo, file_sha: sha });
  return data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
}

export type FileAtRef = { kind: 'file'; sha: string; bytes: Uint8Array } | { kind: 'missing' } | { kind: 'not-a-file' };

/**
 * A spec the pull request's description links, by path at the head commit (the contents API with
 * `ref`, as the app reads it). Over 1 MB the contents API leaves the content out: the blob then.
 */
export async function readFileAtRef(client: ApiClient, path: string, ref: string): Promise<FileAtRef> {
  let data: unknown;
  try {
    ({ data } = await client.octokit.rest.repos.getContent({ owner: client.owner, repo: client.repo, path, ref }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
  const file = data as { type?: string; sha?: string; encoding?: string; content?: string; size?: number };
  if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') return { kind: 'not-a-file' };
  if (file.encoding === 'base64' && typeof file.content === 'string' && (file.content !== '' || file.size === 0)) {
    return { kind: 'file', sha: file.sha, bytes: Buffer.from(file.content, 'base64') };
  }
  return { kind: 'file', sha: file.sha, bytes: await fetchBlob(client, file.sha) };
}
