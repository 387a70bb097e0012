/** A pull request's files, as GitHub lists them (100 a page, at most 3,000 in all). */
import { FILE_LIST_LIMIT, type ChangedFile } from '../verdict/changes.js';
import type { ApiClient } from './github.js';

export interface PullFiles {
  files: ChangedFile[];
  /** GitHub stops listing at 3,000 files; the pull request has more. */
  truncated: boolean;
}

export async function listPullFiles(client: ApiClient, pullNumber: number, changedFiles: number): Promise<PullFiles> {
  const { octokit, owner, repo } = client;
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return {
    files: listed.slice(0, FILE_LIST_LIMIT).map((file) => {
      // GitHub gives no blob for a submodule change.
      const changed: ChangedFile = { path: file.filename, status: file.status, blobSha: file.sha ?? '' };
      if (file.patch !== undefined) changed.patch = file.patch;
      return changed;
    }),
    truncated: changedFiles > listed.length,
  };
}
