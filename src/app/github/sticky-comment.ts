import { readStamp, STICKY_MARKER, type CommentStamp } from '../../render/sticky-comment.js';
import { statusOf, type RepoClient } from './repo.js';

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
  options: { createIfMissing: boolean; memory?: CommentMemory },
): Promise<CommentAction> {
  if (body === undefined) return 'none';
  const { memory } = options;
  const remembered = memory?.recall();
  // What this app last wrote needs no search: only the app writes its comment.
  const existing = remembered === undefined ? await findStickyComment(client, issueNumber) : (remembered ?? undefined);
  if (!existing) {
    memory?.remember(null);
    if (!options.createIfMissing) return 'none';
    const { data } = await client.octokit.rest.issues.createComment({ owner: client.owner, repo: client.repo, issue_number: issueNumber, body });
    memory?.remember({ id: data.id, body });
    return 'created';
  }
  memory?.remember(existing);
  const theirs = readStamp(existing.body);
  if (theirs && theirs.updatedAt > stamp.updatedAt) return 'stale';
  if (existing.body === body) return 'unchanged';
  try {
    await client.octokit.rest.issues.updateComment({ owner: client.owner, repo: client.repo, comment_id: existing.id, body });
  } catch (error) {
    // Someone deleted the comment this process remembered: forget it and look again.
    if (remembered === undefined || statusOf(error) !== 404) throw error;
    memory?.forget();
    return writeStickyComment(client, issueNumber, body, stamp, options);
  }
  memory?.remember({ id: existing.id, body });
  return 'updated';
}

/** The sticky comment as this process last saw it: a comment, null for "none", undefined for "not known". */
export interface CommentMemory {
  recall(): StickyComment | null | undefined;
  remember(comment: StickyComment | null): void;
  forget(): void;
}
