import type { ChangedFile } from '../../verdict/changes.js';
import { FILE_LIST_LIMIT } from '../../verdict/changes.js';
import type { RepoClient } from './repo.js';

export interface PullFiles {
  files: ChangedFile[];
  /** GitHub stops listing at 3,000 files; the pull request has more. */
  truncated: boolean;
}

const PER_PAGE = 100;

/**
 * Every file of a pull request GitHub will list. The pull request says how many files it
 * changes (for the head the event is about), so all pages are asked for at once: one round trip,
 * not one per page.
 */
export async function listPullFiles(client: RepoClient, pullNumber: number, changedFiles: number): Promise<PullFiles> {
  const page = async (number: number) => {
    const { data } = await client.octokit.rest.pulls.listFiles({
      owner: client.owner,
      repo: client.repo,
      pull_number: pullNumber,
      per_page: PER_PAGE,
      ...(number > 1 ? { page: number } : {}),
    });
    return data;
  };
  const expected = Math.max(1, Math.ceil(Math.min(changedFiles, FILE_LIST_LIMIT) / PER_PAGE));
  const pages = await Promise.all(Array.from({ length: expected }, (_, index) => page(index + 1)));
  let listed = pages.flat();
  // Without a count (0), read on until a page comes back short.
  for (let next = 2; changedFiles === 0 && pages.at(-1)!.length === PER_PAGE && listed.length < FILE_LIST_LIMIT; next++) {
    const more = await page(next);
    pages.push(more);
    listed = listed.concat(more);
  }
  return {
    files: listed.map((file) => {
      // GitHub gives no blob for a submodule change.
      const changed: ChangedFile = { path: file.filename, status: file.status, blobSha: file.sha ?? '' };
      if (file.patch !== undefined) changed.patch = file.patch;
      return changed;
    }),
    truncated: changedFiles > listed.length,
  };
}
