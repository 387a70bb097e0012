import type { PullRequestFacts } from '../verdict/pull-request.js';

/** What the app needs to know about a pull request, from a webhook payload or `pulls.get`. */
export interface PullRequestRef extends PullRequestFacts {
  /** The repository's web address, for links in the check run and comment. */
  repositoryUrl: string;
  /** How many line comments the pull request had when the event was sent (0: none to repeat). */
  reviewComments?: number;
}

interface PullRequestPayload {
  number: number;
  head: { sha: string };
  draft?: boolean;
  labels?: Array<{ name?: string }>;
  updated_at: string;
  changed_files?: number;
  review_comments?: number;
  base: { sha: string; repo: { html_url: string } };
  body?: string | null;
}

export function pullRequestRef(pull: PullRequestPayload): PullRequestRef {
  return {
    number: pull.number,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    draft: pull.draft === true,
    labels: (pull.labels ?? []).map((label) => label.name ?? ''),
    updatedAt: pull.updated_at,
    changedFiles: pull.changed_files ?? 0,
    repositoryUrl: pull.base.repo.html_url,
    body: pull.body ?? '',
    ...(pull.review_comments === undefined ? {} : { reviewComments: pull.review_comments }),
  };
}
