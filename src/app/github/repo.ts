import type { ProbotOctokit } from 'probot';

/** A repository the installation can act on, and the client authenticated for it. */
export interface RepoClient {
  octokit: ProbotOctokit;
  owner: string;
  repo: string;
}

/** An HTTP status from Octokit's RequestError, when there is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
