/** What the app needs to know about a pull request, from a webhook payload or `pulls.get`. */
export interface PullRequestRef {
  number: number;
  headSha: string;
  draft: boolean;
  labels: string[];
  /** The pull request's `updated_at`: orders runs, so an older one never overwrites a newer one. */
  updatedAt: string;
  /** GitHub's count of changed files, which may exceed what its file list returns. */
  changedFiles: number;
  /** The repository's web address, for links in the check run and comment. */
  repositoryUrl: string;
  /** The description, where `Spec: path` lines link specs to check. */
  body: string;
}

interface PullRequestPayload {
  number: number;
  head: { sha: string };
  draft?: boolean;
  labels?: Array<{ name?: string }>;
  updated_at: string;
  changed_files?: number;
  base: { repo: { html_url: string } };
  body?: string | null;
}

export function pullRequestRef(pull: PullRequestPayload): PullRequestRef {
  return {
    number: pull.number,
    headSha: pull.head.sha,
    draft: pull.draft === true,
    labels: (pull.labels ?? []).map((label) => label.name ?? ''),
    updatedAt: pull.updated_at,
    changedFiles: pull.changed_files ?? 0,
    repositoryUrl: pull.base.repo.html_url,
    body: pull.body ?? '',
  };
}
