import type { ProbotOctokit } from 'probot';

/** A repository the installation can act on, and the client authenticated for it. */
export interface RepoClient {
  octokit: ProbotOctokit;
  owner: string;
  repo: string;
}

export { statusOf } from '../../github/contents.js';
