/** A pull request's files, as GitHub lists them (100 a page, at most 3,000 in all). */
import { FILE_LIST_LIMIT } from '../verdict/changes.js';
import { changedFile, listedCommit, type ListedFiles } from '../github/compare.js';
import type { ApiClient } from './github.js';

export type PullFiles = ListedFiles;

export async function listPullFiles(client: ApiClient, pullNumber: number, changedFiles: number): Promise<PullFiles> {
  const { octokit, owner, repo } = client;
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const listedAt = listedCommit(listed);
  // Cut short only where GitHub's limit cut it: a shorter list is the whole list of the head it names.
  return { files: listed.slice(0, FILE_LIST_LIMIT).map(changedFile), truncated: listed.length >= FILE_LIST_LIMIT && changedFiles > listed.length, ...(listedAt === undefined ? {} : { listedAt }) };
}
