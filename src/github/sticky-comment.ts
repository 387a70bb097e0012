/**
 * The one sticky comment on a pull request, found by its hidden marker and created, edited or left
 * alone: for the app and the Action alike.
 */
import { readStamp, STICKY_MARKER, type CommentStamp } from '../render/sticky-comment.js';
import { statusOf } from './contents.js';

type Call = (parameters: never) => Promise<{ data: unknown }>;

/** The calls this module makes; the app's and the Action's clients both have them. */
export interface CommentClient {
  owner: string;
  repo: string;
  octokit: {
    rest: { issues: { listComments: Call; createComment: Call; updateComment: Call } };
    paginate: { iterator: (...args: never[]) => AsyncIterable<unknown> };
  };
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
}

// The module's own parameter shapes: one cast here, not at every call.
function calls(client: CommentClient) {
  const { issues } = client.octokit.rest;
  const { owner, repo } = client;
  return {
    pages: (issueNumber: number) =>
      (client.octokit.paginate.iterator as (route: unknown, parameters: unknown) => AsyncIterable<{ data: IssueComment[] }>)(issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }),
    create: (issueNumber: number, body: string) => (issues.createComment as (parameters: unknown) => Promise<{ data: IssueComment }>)({ owner, repo, issue_number: issueNumber, body }),
    update: (commentId: number, body: string) => (issues.updateComment as (parameters: unknown) => Promise<{ data: IssueComment }>)({ owner, repo, comment_id: commentId, body }),
  };
}

export interface StickyComment {
  id: number;
  body: string;
  /** Its address on GitHub; empty when not known (a comment remembered without one). */
  url?: string;
}

/** Our comment on a pull request, found by its hidden marker; comments are listed 100 a page. */
export async function findStickyComment(client: CommentClient, issueNumber: number): Promise<StickyComment | undefined> {
  for await (const { data } of calls(client).pages(issueNumber)) {
    const found = data.find((comment) => comment.body?.includes(STICKY_MARKER));
    if (found) return { id: found.id, body: found.body ?? '', url: found.html_url ?? '' };
  }
  return undefined;
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'stale' | 'none';

/** What a write did, and the comment's address when there is a comment. */
export interface CommentWritten {
  action: CommentAction;
  url: string;
}

/** The sticky comment as this run found it, and whether that came from this process's memory. */
export interface FoundComment {
  comment: StickyComment | undefined;
  remembered: boolean;
}

/** What this app last wrote needs no search: only the app writes its comment. */
export async function lookUpStickyComment(client: CommentClient, issueNumber: number, memory?: CommentMemory): Promise<FoundComment> {
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
 * left alone: events arrive out of order, and an older run must not undo a newer one. A comment
 * is created only when `createIfMissing`, and not rewritten when its text is the same.
 */
export async function writeStickyComment(
  client: CommentClient,
  issueNumber: number,
  body: string | undefined,
  stamp: CommentStamp,
  options: { createIfMissing: boolean; memory?: CommentMemory; found?: FoundComment },
): Promise<CommentWritten> {
  if (body === undefined) return { action: 'none', url: '' };
  const { memory } = options;
  const found = options.found ?? (await lookUpStickyComment(client, issueNumber, memory));
  const existing = found.comment;
  if (!existing) {
    memory?.remember(null);
    if (!options.createIfMissing) return { action: 'none', url: '' };
    const { data } = await calls(client).create(issueNumber, body);
    const url = data.html_url ?? '';
    memory?.remember({ id: data.id, body, url });
    return { action: 'created', url };
  }
  memory?.remember(existing);
  if (isStale(found, stamp)) return { action: 'stale', url: existing.url ?? '' };
  if (existing.body === body) return { action: 'unchanged', url: existing.url ?? '' };
  let url: string;
  try {
    url = (await calls(client).update(existing.id, body)).data.html_url ?? existing.url ?? '';
  } catch (error) {
    // Someone deleted the comment this process remembered: forget it and look again.
    if (!found.remembered || statusOf(error) !== 404) throw error;
    memory?.forget();
    return writeStickyComment(client, issueNumber, body, stamp, { ...options, found: undefined });
  }
  memory?.remember({ id: existing.id, body, url });
  return { action: 'updated', url };
}

/** The sticky comment as this process last saw it: a comment, null for "none", undefined for "not known". */
export interface CommentMemory {
  recall(): StickyComment | null | undefined;
  remember(comment: StickyComment | null): void;
  forget(): void;
}
