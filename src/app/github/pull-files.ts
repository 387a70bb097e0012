import type { ChangedFile } from '../../verdict/changes.js';
import type { RepoClient } from './repo.js';

export interface PullFiles {
  files: ChangedFile[];
  /** GitHub stops listing at 3,000 files; the pull request has more. */
  truncated: boolean;
}

/** Every file of a pull request GitHub will list, 100 a page. */
export async function listPullFiles(client: RepoClient, pullNumber: number, changedFiles: number): Promise<PullFiles> {
  const files = await client.octokit.paginate(client.octokit.rest.pulls.listFiles, {
    owner: client.owner,
    repo: client.repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return {
    files: files.map((file) => {
      // GitHub gives no blob for a submodule change.
      const changed: ChangedFile = { path: file.filename, status: file.status, blobSha: file.sha ?? '' };
      if (file.patch !== undefined) changed.patch = file.patch;
      return changed;
    }),
    truncated: changedFiles > files.length,
  };
}
