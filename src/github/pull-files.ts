/** A pull request's files, as GitHub lists them (100 a page, at most 3,000 in all): for the app and the Action. */
import { FILE_LIST_LIMIT } from '../verdict/changes.js';
import { changedFile, listedCommit, type ListedFiles } from './compare.js';

export type PullFiles = ListedFiles;

type Call = (parameters: never) => Promise<{ data: unknown }>;

/** The one call this module makes; the app's and the Action's clients both have it. */
export interface PullFilesClient {
  owner: string;
  repo: string;
  octokit: { rest: { pulls: { listFiles: Call } } };
}

type ListedEntry = Parameters<typeof changedFile>[0] & { contents_url?: string };

const PER_PAGE = 100;

/**
 * Every file of a pull request GitHub will list. The pull request says how many files it
 * changes (for the head the event is about), so all pages are asked for at once: one round trip,
 * not one per page.
 */
export async function listPullFiles(client: PullFilesClient, pullNumber: number, changedFiles: number): Promise<PullFiles> {
  const listFiles = client.octokit.rest.pulls.listFiles as (parameters: unknown) => Promise<{ data: ListedEntry[] }>;
  const page = async (number: number) => {
    const { data } = await listFiles({
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
