import { statusOf, type RepoClient } from './repo.js';

export interface BranchFile {
  /** The bytes as stored, BOM and line endings included. */
  bytes: Uint8Array;
  /** The blob SHA a write must name, so a concurrent push makes the write fail instead of losing text. */
  sha: string;
}

/** A file on a branch, or undefined when the branch has no such file. */
export async function readBranchFile(client: RepoClient, path: string, branch: string): Promise<BranchFile | undefined> {
  try {
    const { data } = await client.octokit.rest.repos.getContent({ owner: client.owner, repo: client.repo, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file') throw new Error(`${path} is not a file`);
    return { bytes: Buffer.from(data.content ?? '', 'base64'), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Creates a file (no `sha`) or replaces the version named by `sha` on a branch. */
export async function writeBranchFile(
  client: RepoClient,
  change: { path: string; branch: string; text: string; message: string; sha?: string },
): Promise<string> {
  const { data } = await client.octokit.rest.repos.createOrUpdateFileContents({
    owner: client.owner,
    repo: client.repo,
    path: change.path,
    branch: change.branch,
    message: change.message,
    content: Buffer.from(change.text, 'utf8').toString('base64'),
    ...(change.sha ? { sha: change.sha } : {}),
  });
  return data.commit.sha ?? '';
}
