import { FILE_LIST_LIMIT } from '../../verdict/changes.js';
import { changedFile, listedCommit, type ListedFiles } from '../../github/compare.js';
import type { RepoClient } from './repo.js';

export type PullFiles = ListedFiles;

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
  const listedAt = listedCommit(listed);
  // Cut short only where GitHub's limit cut it: a shorter list is the whole list of the head it names.
  return { files: listed.map(changedFile), truncated: listed.length >= FILE_LIST_LIMIT && changedFiles > listed.length, ...(listedAt === undefined ? {} : { listedAt }) };
}
