import type { RepoClient } from './repo.js';

/** One line comment, with a key that says which finding it is, so it is never posted twice. */
export interface LineComment {
  path: string;
  line: number;
  body: string;
  key: string;
  isError: boolean;
}

export const MAX_COMMENTS_PER_REVIEW = 20;

const KEY = /<!-- specgate:review (\S+) -->/;

export function withKey(body: string, key: string): string {
  return `${body}\n\n<!-- specgate:review ${key} -->`;
}

/**
 * Posts the comments not already on the pull request, all in one review. A comment from an
 * earlier run on the same path, line and finding is not repeated.
 */
export async function postReview(
  client: RepoClient,
  pull: { number: number; headSha: string; checkName: string },
  comments: LineComment[],
  /** Comments this process already posted or chose to leave out on this pull request (only when alone). */
  handled?: Set<string>,
): Promise<number> {
  const identity = (comment: { path: string; line: number; key: string }) => `${comment.path}:${comment.line}:${comment.key}`;
  // Nothing new since this process last looked: no need to ask GitHub what is there.
  if (comments.every((comment) => handled?.has(identity(comment)))) return 0;
  const existing = await client.octokit.paginate(client.octokit.rest.pulls.listReviewComments, {
    owner: client.owner,
    repo: client.repo,
    pull_number: pull.number,
    per_page: 100,
  });
  const posted = new Set(existing.map((comment) => `${comment.path}:${comment.line ?? comment.original_line}:${KEY.exec(comment.body)?.[1] ?? ''}`));
  const unposted = comments.filter((comment) => !posted.has(`${comment.path}:${comment.line}:${comment.key}`));
  // A wall of line comments is noise: the first few, errors first, and the check run has the rest.
  const kept = new Set([...unposted].sort((a, b) => Number(b.isError) - Number(a.isError)).slice(0, MAX_COMMENTS_PER_REVIEW));
  const fresh = unposted.filter((comment) => kept.has(comment));
  for (const comment of comments) handled?.add(identity(comment));
  if (fresh.length === 0) return 0;
  const more = unposted.length - fresh.length;
  await client.octokit.rest.pulls.createReview({
    owner: client.owner,
    repo: client.repo,
    pull_number: pull.number,
    commit_id: pull.headSha,
    event: 'COMMENT',
    body: `specgate found ${fresh.length === 1 ? 'a problem' : `${fresh.length} problems`} on lines of this diff${more > 0 ? ` (and ${more} more)` : ''}. The **${pull.checkName}** check lists them all.`,
    comments: fresh.map((comment) => ({ path: comment.path, line: comment.line, side: 'RIGHT' as const, body: withKey(comment.body, comment.key) })),
  });
  return fresh.length;
}
