/**
 * The one sticky comment on the pull request, found by the same hidden marker the app uses, and
 * written through the issues API when the token may: a fork's read-only token may not.
 */
import { readStamp, STICKY_MARKER, type CommentStamp } from '../render/sticky-comment.js';
import { statusOf, type ApiClient } from './github.js';

export type CommentResult =
  | { action: 'created' | 'updated'; url: string }
  | { action: 'unchanged'; url: string }
  /** A comment for a later push is there: an older run leaves it alone. */
  | { action: 'stale'; url: string }
  | { action: 'none' }
  /** The token may not comment (403): a pull request from a fork gets a read-only token. */
  | { action: 'forbidden'; status: number };

export interface StickyComment {
  id: number;
  body: string;
  url: string;
}

export async function findStickyComment(client: ApiClient, issueNumber: number): Promise<StickyComment | undefined> {
  const { octokit, owner, repo } = client;
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  for await (const { data } of iterator) {
    const found = data.find((comment) => comment.body?.includes(STICKY_MARKER));
    if (found) return { id: found.id, body: found.body ?? '', url: found.html_url ?? '' };
  }
  return undefined;
}

/**
 * Creates, edits or leaves the comment, as the app does: created only when `createIfMissing`,
 * never over a comment stamped by a later push, not rewritten when the text is the same.
 */
export async function writeStickyComment(
  client: ApiClient,
  issueNumber: number,
  body: string,
  stamp: CommentStamp,
  createIfMissing: boolean,
): Promise<CommentResult> {
  const { octokit, owner, repo } = client;
  try {
    const existing = await findStickyComment(client, issueNumber);
    if (!existing) {
      if (!createIfMissing) return { action: 'none' };
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
      return { action: 'created', url: data.html_url ?? '' };
    }
    const theirs = readStamp(existing.body);
    if (theirs && theirs.updatedAt > stamp.updatedAt) return { action: 'stale', url: existing.url };
    if (existing.body === body) return { action: 'unchanged', url: existing.url };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: 'updated', url: data.html_url ?? '' };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) return { action: 'forbidden', status };
    throw error;
  }
}
