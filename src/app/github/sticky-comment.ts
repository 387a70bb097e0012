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

/** The sticky comment as this run found it, and whether that came from this process's memory. */
export interface FoundComment {
  comment: StickyComment | undefined;
  remembered: boolean;
}

/** What this app last wrote needs no search: only the app writes its comment. */
export async function lookUpStickyComment(client: RepoClient, issueNumber: number, memory?: CommentMemory): Promise<FoundComment> {
  const remembered = memory?.recall();
  if (remembered !== undefined) return { comment: remembered ?? undefined, remembered: true };
  return { comment: await findStickyComment(client, issueNumber), remembered: false };
}

/** An older run must not undo a newer one: events arrive out of order. */
function isStale(found: FoundComment, stamp: CommentStamp): boolean {
  const theirs = found.comment && readStamp(found.comment.body);
  return theirs !== undefined && theirs.updatedAt > stamp.updatedAt;
}

/**
 * Creates, edits or leaves the one comment. A comment stamped by a later push than ours is
 * left alone: events arrive out of order, and an older run must not undo a newer one.
 */
export async function writeStickyComment(
  client: RepoClient,
  issueNumber: number,
  body: string | undefined,
  stamp: CommentStamp,
  options: { createIfMissing: boolean; memory?: CommentMemory; found?: FoundComment },
): Promise<CommentAction> {
  if (body === undefined) return 'none';
  const { memory } = options;
  const found = options.found ?? (await lookUpStickyComment(client, issueNumber, memory));
  const existing = found.comment;
  if (!existing) {
    memory?.remember(null);
    if (!options.createIfMissing) return 'none';
    const { data } = await client.octokit.rest.issues.createComment({ owner: client.owner, repo: client.repo, issue_number: issueNumber, body });
    memory?.remember({ id: data.id, body });
    return 'created';
  }
  memory?.remember(existing);
  if (isStale(found, stamp)) return 'stale';
  if (existing.body === body) return 'unchanged';
  try {
    await client.octokit.rest.issues.updateComment({ owner: client.owner, repo: client.repo, comment_id: existing.id, body });
  } catch (error) {
    // Someone deleted the comment this process remembered: forget it and look again.
    if (!found.remembered || statusOf(error) !== 404) throw error;
    memory?.forget();
    return writeStickyComment(client, issueNumber, body, stamp, { ...options, found: undefined });
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
