import { readStamp, STICKY_MARKER, type CommentStamp } from '../../render/sticky-comment.js';
import type { RepoClient } from './repo.js';

export interface StickyComment {
  id: number;
  body: string;
}

/** Our comment on a pull request, found by its hidden marker; comments are listed 100 a page. */
export async function findStickyComment(client: RepoClient, issueNumber: number): Promise<StickyComment | undefined> {
  const iterator = client.octokit.paginate.iterator(client.octokit.rest.issues.listComments, {
    owner: client.owner,
    repo: client.repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const { data } of iterator) {
    const found = data.find((comment) => comment.body?.includes(STICKY_MARKER));
    if (found) return { id: found.id, body: found.body ?? '' };
  }
  return undefined;
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'stale' | 'none';

/**
 * Creates, edits or leaves the one comment. A comment stamped by a later push than ours is
 * left alone: events arrive out of order, and an older run must not undo a newer one.
 */
export async function writeStickyComment(
  client: RepoClient,
  issueNumber: number,
  body: string | undefined,
  stamp: CommentStamp,
  options: { createIfMissing: boolean },
): Promise<CommentAction> {
  if (body === undefined) return 'none';
  const existing = await findStickyComment(client, issueNumber);
  if (!existing) {
    if (!options.createIfMissing) return 'none';
    await client.octokit.rest.issues.createComment({ owner: client.owner, repo: client.repo, issue_number: issueNumber, body });
    return 'created';
  }
  const theirs = readStamp(existing.body);
  if (theirs && theirs.updatedAt > stamp.updatedAt) return 'stale';
  if (existing.body === body) return 'unchanged';
  await client.octokit.rest.issues.updateComment({ owner: client.owner, repo: client.repo, comment_id: existing.id, body });
  return 'updated';
}
