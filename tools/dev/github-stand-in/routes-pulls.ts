/** Pull requests, their file lists, reviews and review comments, and the pull requests of a commit. */
import { commentableLines } from './git.js';
import { error, isReply, json, objectBody, paginate, unprocessable, type ApiReply, type ApiRequest } from './http.js';
import { pullOf, repoRoute, type Route, type StandInContext } from './router.js';
import { diffEntryJson, pullRequestJson, pullRequestSimpleJson, reviewCommentJson, reviewJson } from './shapes-pulls.js';
import { botUser } from './shapes.js';
import type { AppRef, PullFile, RepoState, ReviewCommentRecord, ReviewRecord, UserRef } from './state.js';

/** GitHub lists at most this many files of a pull request, however many it changes. */
export const PULL_FILES_LIMIT = 3000;

const REVIEW_STATES: Record<string, ReviewRecord['state']> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' };

/** Who a request acts as: the app's bot for an installation token, else the repository owner. */
export function actor(request: ApiRequest, repo: RepoState): { user: UserRef; app: AppRef | undefined } {
  const app = request.auth ? repo.world.app(request.auth.appId) : undefined;
  return { user: app ? botUser(app) : repo.owner, app };
}

function getPull(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const pull = pullOf(request, repo);
  return isReply(pull) ? pull : json(200, pullRequestJson(urls, repo, pull));
}

function listFiles(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const pull = pullOf(request, repo);
  if (isReply(pull)) return pull;
  const listed = pull.files.slice(0, PULL_FILES_LIMIT);
  const { page, headers } = paginate(request, listed, `/repositories/${repo.id}/pulls/${pull.number}/files`);
  return json(200, page.map((file) => diffEntryJson(urls, repo, pull, file)), headers);
}

function listReviewComments(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const pull = pullOf(request, repo);
  if (isReply(pull)) return pull;
  const submitted = new Set(repo.reviews.filter((review) => review.state !== 'PENDING').map((review) => review.id));
  const comments = repo.reviewComments.filter((comment) => comment.pullNumber === pull.number && (comment.reviewId === null || submitted.has(comment.reviewId)));
  const { page, headers } = paginate(request, comments, `/repositories/${repo.id}/pulls/${pull.number}/comments`);
  return json(200, page.map((comment) => reviewCommentJson(urls, repo, comment)), headers);
}

/** The hunk GitHub quotes in `diff_hunk`: from the hunk's header down to the commented line. */
function diffHunk(patch: string, line: number, side: 'LEFT' | 'RIGHT'): string {
  const out: string[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const text of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) {
      out.length = 0;
      out.push(text);
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      continue;
    }
    out.push(text);
    const onRight = !text.startsWith('-');
    const onLeft = !text.startsWith('+');
    if ((side === 'RIGHT' && onRight && newLine === line) || (side === 'LEFT' && onLeft && oldLine === line)) return out.join('\n');
    if (onRight) newLine++;
    if (onLeft) oldLine++;
  }
  return out.join('\n');
}

/** A `position` (lines below the first hunk header, headers of later hunks counted) as a line on the right. */
function lineAtPosition(patch: string, position: number): number | undefined {
  const rows = patch.split('\n');
  let newLine = 0;
  for (let index = 0; index < rows.length; index++) {
    const text = rows[index]!;
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) newLine = Number(header[1]);
    else if (index === position) return text.startsWith('-') ? undefined : newLine;
    else if (!text.startsWith('-')) newLine++;
  }
  return undefined;
}

function draftComment(raw: unknown, files: PullFile[]): Omit<ReviewCommentRecord, 'id' | 'reviewId' | 'pullNumber' | 'commitId' | 'user' | 'createdAt' | 'updatedAt'> | ApiReply {
  const comment = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (typeof comment.path !== 'string' || typeof comment.body !== 'string') return error(422, 'Invalid request.\n\n"path", "body" weren\'t supplied.');
  const file = files.find((candidate) => candidate.filename === comment.path);
  if (!file) return unprocessable('Path could not be resolved');
  const side = comment.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  const line = typeof comment.line === 'number' ? comment.line : typeof comment.position === 'number' ? lineAtPosition(file.patch ?? '', comment.position) : undefined;
  const lines = commentableLines(file.patch)[side === 'LEFT' ? 'left' : 'right'];
  if (line === undefined || !lines.has(line)) return unprocessable('Pull request review thread line must be part of the diff');
  const startLine = typeof comment.start_line === 'number' ? comment.start_line : null;
  if (startLine !== null && (!lines.has(startLine) || startLine > line)) return unprocessable('Pull request review thread start line must be part of the same hunk as the line.');
  return { path: comment.path, line, side, startLine, body: comment.body, diffHunk: diffHunk(file.patch!, line, side) };
}

/** `pulls.createReview`: every line comment must sit on a line of the diff, or nothing is posted (422). */
function createReview(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const pull = pullOf(request, repo);
  if (isReply(pull)) return pull;
  const body = objectBody(request) ?? {};
  const event = body.event === undefined ? undefined : String(body.event);
  if (event !== undefined && !REVIEW_STATES[event]) return unprocessable(`Unknown review event: ${event}`);
  const commitId = typeof body.commit_id === 'string' ? body.commit_id : pull.headSha;
  if (!repo.commits.has(commitId)) return unprocessable(`No commit found for SHA: ${commitId}`);
  const drafts = [];
  for (const raw of Array.isArray(body.comments) ? body.comments : []) {
    const draft = draftComment(raw, pull.files);
    if (isReply(draft)) return draft;
    drafts.push(draft);
  }
  const { user } = actor(request, repo);
  const now = repo.world.now();
  const review: ReviewRecord = {
    id: repo.world.id(),
    pullNumber: pull.number,
    body: typeof body.body === 'string' ? body.body : '',
    state: event === undefined ? 'PENDING' : REVIEW_STATES[event]!,
    commitId,
    user,
    submittedAt: now,
  };
  repo.reviews.push(review);
  for (const draft of drafts) {
    repo.reviewComments.push({ ...draft, id: repo.world.id(), reviewId: review.id, pullNumber: pull.number, commitId, user, createdAt: now, updatedAt: now });
  }
  return json(200, reviewJson(urls, repo, review));
}

/**
 * `repos.listPullRequestsAssociatedWithCommit`: the pull requests whose head ever was that commit.
 * A commit that lives only in a fork is not this repository's: GitHub finds no pull request for it.
 */
function pullsForCommit(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const sha = request.params.commit_sha ?? '';
  if (!repo.commits.has(sha) && !repo.branches.has(sha)) return error(422, `No commit found for SHA: ${sha}`);
  const pulls = [...repo.pulls.values()].filter((pull) => !pull.fromFork && (pull.shas.includes(sha) || pull.headRef === sha));
  const { page, headers } = paginate(request, pulls, `/repositories/${repo.id}/commits/${sha}/pulls`);
  return json(200, page.map((pull) => pullRequestSimpleJson(urls, repo, pull)), headers);
}

/** `pulls.list`: open pull requests by default (`state`: open, closed, all), newest first, paginated. */
function listPulls(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const state = request.query.get('state') ?? 'open';
  const pulls = [...repo.pulls.values()].filter((pull) => state === 'all' || pull.state === state).sort((a, b) => b.number - a.number);
  const { page, headers } = paginate(request, pulls, `/repositories/${repo.id}/pulls`);
  return json(200, page.map((pull) => pullRequestSimpleJson(urls, repo, pull)), headers);
}

export const pullRoutes: Route[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/pulls', [['pull_requests', 'read']], listPulls),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', [['pull_requests', 'read']], getPull),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', [['pull_requests', 'read']], listFiles),
  repoRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', [['pull_requests', 'read']], listReviewComments),
  repoRoute('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', [['pull_requests', 'write']], createReview),
  repoRoute('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', [['pull_requests', 'read'], ['contents', 'read']], pullsForCommit),
];
