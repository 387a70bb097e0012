/** What every adapter knows of a pull request, from a webhook payload or `pulls.get`. */
export interface PullRequestFacts {
  number: number;
  headSha: string;
  /** The base branch's commit when the event was sent: with the head, what a comparison of the two starts from. */
  baseSha: string;
  draft: boolean;
  labels: string[];
  /** The pull request's `updated_at`: stamps the sticky comment, so an older run never overwrites a newer one. */
  updatedAt: string;
  /** GitHub's count of changed files, which may exceed what its file list returns. */
  changedFiles: number;
  /** The description, where `Spec: path` lines link specs to check. */
  body: string;
}
