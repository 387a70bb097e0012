import type { RepoClient } from './repo.js';

/**
 * A file's bytes by blob SHA, from the base repository: a fork's commits are reachable there
 * too, and a blob SHA names the same bytes on every branch, which makes it a safe cache key.
 */
export async function fetchBlob(client: RepoClient, sha: string): Promise<Uint8Array> {
  const { data } = await client.octokit.rest.git.getBlob({ owner: client.owner, repo: client.repo, file_sha: sha });
  return data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
}
