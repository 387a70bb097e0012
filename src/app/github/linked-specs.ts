import { fetchBlob } from './blobs.js';
import { statusOf, type RepoClient } from './repo.js';

export type FileAtRef = { kind: 'file'; sha: string; bytes: Uint8Array } | { kind: 'missing' } | { kind: 'not-a-file' };

/**
 * A file by path at a commit (the pull request's head, for a spec its description links): the
 * contents API with `ref`, in the base repository, where a fork's head commit is reachable too.
 * Over 1 MB the contents API leaves the content out; the blob is read by its SHA then.
 */
export async function readFileAtRef(client: RepoClient, path: string, ref: string, cached?: (sha: string) => Uint8Array | undefined): Promise<FileAtRef> {
  let data: unknown;
  try {
    ({ data } = await client.octokit.rest.repos.getContent({ owner: client.owner, repo: client.repo, path, ref }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
  const file = data as { type?: string; sha?: string; encoding?: string; content?: string; size?: number };
  if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') return { kind: 'not-a-file' };
  const known = cached?.(file.sha);
  if (known) return { kind: 'file', sha: file.sha, bytes: known };
  if (file.encoding === 'base64' && typeof file.content === 'string' && (file.content !== '' || file.size === 0)) {
    return { kind: 'file', sha: file.sha, bytes: Buffer.from(file.content, 'base64') };
  }
  return { kind: 'file', sha: file.sha, bytes: await fetchBlob(client, file.sha) };
}
