/** Issue comments on pull requests, issue events, reactions, and collaborator permissions. */
import { error, isReply, json, notFound, objectBody, paginate, validationFailed, type ApiReply, type ApiRequest } from './http.js';
import { repoRoute, type Route, type StandInContext } from './router.js';
import { actor } from './routes-pulls.js';
import { issueCommentJson, issueEventJson, reactionJson } from './shapes-records.js';
import { userJson } from './shapes.js';
import type { IssueCommentRecord, RepoState } from './state.js';

/** GitHub refuses longer comment bodies. */
export const MAX_COMMENT_BODY = 65536;

const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];

/** The stand-in's issues are its pull requests: any other number is GitHub's 404. */
function issueNumber(request: ApiRequest, repo: RepoState): number | ApiReply {
  const number = Number(request.params.issue_number);
  return repo.pulls.has(number) ? number : notFound();
}

function commentBody(request: ApiRequest): string | ApiReply {
  const body = objectBody(request);
  if (!body) return error(400, 'Problems parsing JSON');
  if (typeof body.body !== 'string') return validationFailed('IssueComment', 'body', 'missing_field');
  if (body.body.length > MAX_COMMENT_BODY) {
    return validationFailed('IssueComment', 'data', 'unprocessable', `Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`);
  }
  return body.body;
}

function listComments(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const number = issueNumber(request, repo);
  if (isReply(number)) return number;
  const comments = repo.issueComments.filter((comment) => comment.issueNumber === number);
  const { page, headers } = paginate(request, comments, `/repositories/${repo.id}/issues/${number}/comments`);
  return json(200, page.map((comment) => issueCommentJson(urls, repo, comment)), headers);
}

function createComment(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const number = issueNumber(request, repo);
  if (isReply(number)) return number;
  const body = commentBody(request);
  if (isReply(body)) return body;
  const { user, app } = actor(request, repo);
  const now = repo.world.now();
  const comment: IssueCommentRecord = { id: repo.world.id(), issueNumber: number, body, user, app, createdAt: now, updatedAt: now };
  repo.issueComments.push(comment);
  return json(201, issueCommentJson(urls, repo, comment));
}

function updateComment(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const comment = repo.issueComments.find((candidate) => candidate.id === Number(request.params.comment_id));
  if (!comment) return notFound();
  const body = commentBody(request);
  if (isReply(body)) return body;
  comment.body = body;
  comment.updatedAt = repo.world.now();
  return json(200, issueCommentJson(urls, repo, comment));
}

function listEvents(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const number = issueNumber(request, repo);
  if (isReply(number)) return number;
  const events = repo.issueEvents.filter((event) => event.issueNumber === number);
  const { page, headers } = paginate(request, events, `/repositories/${repo.id}/issues/${number}/events`);
  return json(200, page.map((event) => issueEventJson(urls, repo, event)), headers);
}

/** 201 for a new reaction; 200 with the existing one when this user already reacted so. */
function createReaction(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const comment = repo.issueComments.find((candidate) => candidate.id === Number(request.params.comment_id));
  if (!comment) return notFound();
  const content = objectBody(request)?.content;
  if (typeof content !== 'string' || !REACTIONS.includes(content)) return validationFailed('Reaction', 'content', 'invalid');
  const { user } = actor(request, repo);
  const existing = repo.reactions.find((reaction) => reaction.commentId === comment.id && reaction.content === content && reaction.user.id === user.id);
  if (existing) return json(200, reactionJson(urls, existing));
  const reaction = { id: repo.world.id(), commentId: comment.id, content, user, createdAt: repo.world.now() };
  repo.reactions.push(reaction);
  return json(201, reactionJson(urls, reaction));
}

/**
 * `permission` folds maintain into write and triage into read; `role_name` keeps them apart. A user
 * who is no collaborator reads a public repository and has no access to a private one.
 */
function collaboratorPermission(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const login = request.params.username ?? '';
  const role = login.toLowerCase() === repo.owner.login.toLowerCase() ? 'admin' : (repo.collaborators.get(login.toLowerCase()) ?? (repo.isPrivate ? 'none' : 'read'));
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
  const user = repo.world.user(login);
  return json(200, { permission, role_name: role, user: { ...userJson(urls, user), role_name: role } });
}

export const issueRoutes: Route[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', [['issues', 'read'], ['pull_requests', 'read']], listComments),
  repoRoute('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', [['issues', 'write'], ['pull_requests', 'write']], createComment),
  repoRoute('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', [['issues', 'write'], ['pull_requests', 'write']], updateComment),
  repoRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}/events', [['issues', 'read'], ['pull_requests', 'read']], listEvents),
  repoRoute('POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', [['issues', 'write'], ['pull_requests', 'write']], createReaction),
  repoRoute('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', [['metadata', 'read']], collaboratorPermission),
];
