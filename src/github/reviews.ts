/**
 * Line comments on a pull request's diff, posted as one review and never twice: the app posts
 * them; they sit with the rest of the REST layer the app and the Action share.
 */
import { createHash } from 'node:crypto';

type Call = (parameters: never) => Promise<{ data: unknown }>;

/** The calls this module makes; the app's and the Action's clients both have them. */
export interface ReviewClient {
  owner: string;
  repo: string;
  octokit: {
    rest: { pulls: { createReview: Call; listReviewComments: Call } };
    paginate: (...args: never[]) => Promise<unknown>;
  };
}

interface ReviewComment {
  path: string;
  line?: number | null;
  original_line?: number | null;
  body: string;
}

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

const identity = (comment: { path: string; line: number; key: string }) => `${comment.path}:${comment.line}:${comment.key}`;

/** A short, stable name for one line comment (path, line and finding), for the sticky comment's record. */
export function reviewId(comment: { path: string; line: number; key: string }): string {
  return createHash('sha256').update(identity(comment)).digest('base64url').slice(0, 12);
}

const REVIEWED = /\n?<!-- specgate:reviewed ([\w,-]*) -->/;
// Enough for every line comment of a long-lived pull request; the oldest go first.
const MAX_RECORDED = 1000;

/**
 * The line comments a sticky comment records as handled (posted, or left out of a full review);
 * undefined when it keeps no record (written by an older specgate, or edited by hand).
 */
export function readReviewed(body: string | undefined): Set<string> | undefined {
  const match = body === undefined ? null : REVIEWED.exec(body);
  if (!match) return undefined;
  return new Set(match[1] ? match[1].split(',') : []);
}

/**
 * The sticky comment's body with its record of handled line comments, so the next run knows
 * what is on the diff already without listing every review comment of the pull request.
 */
export function withReviewed(body: string, ids: Iterable<string>): string {
  const all = [...new Set(ids)].slice(-MAX_RECORDED);
  const bare = body.replace(REVIEWED, '').replace(/\n$/, '');
  return `${bare}\n<!-- specgate:reviewed ${all.join(',')} -->\n`;
}

/**
 * Posts the comments not already on the pull request, all in one review. A comment from an
 * earlier run on the same path, line and finding is not repeated. What is there already comes
 * from the sticky comment's record when it keeps one (no request), else from GitHub's list.
 */
export async function postReview(
  client: ReviewClient,
  pull: { number: number; headSha: string; checkName: string },
  comments: LineComment[],
  /** Comments this process already posted or chose to leave out on this pull request (only when alone). */
  handled?: Set<string>,
  /** The ids (`reviewId`) the sticky comment records as handled, when it keeps the record. */
  recorded?: ReadonlySet<string>,
): Promise<number> {
  // Nothing new since this process last looked: no need to ask GitHub what is there.
  if (comments.every((comment) => handled?.has(identity(comment)))) return 0;
  const isPosted = recorded ? (comment: LineComment) => recorded.has(reviewId(comment)) : await listedOnGitHub(client, pull.number);
  const unposted = comments.filter((comment) => !isPosted(comment));
  // A wall of line comments is noise: the first few, errors first, and the check run has the rest.
  const kept = new Set([...unposted].sort((a, b) => Number(b.isError) - Number(a.isError)).slice(0, MAX_COMMENTS_PER_REVIEW));
  const fresh = unposted.filter((comment) => kept.has(comment));
  for (const comment of comments) handled?.add(identity(comment));
  if (fresh.length === 0) return 0;
  const more = unposted.length - fresh.length;
  const createReview = client.octokit.rest.pulls.createReview as (parameters: unknown) => Promise<unknown>;
  await createReview({
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

async function listedOnGitHub(client: ReviewClient, pullNumber: number): Promise<(comment: LineComment) => boolean> {
  const paginate = client.octokit.paginate as (route: unknown, parameters: unknown) => Promise<ReviewComment[]>;
  const existing = await paginate(client.octokit.rest.pulls.listReviewComments, {
    owner: client.owner,
    repo: client.repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const posted = new Set(existing.map((comment) => `${comment.path}:${comment.line ?? comment.original_line}:${KEY.exec(comment.body)?.[1] ?? ''}`));
  return (comment) => posted.has(identity(comment));
}
