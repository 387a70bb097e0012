/** GitHub's JSON for comments, events, reactions, check runs, and repository contents. */
import { reactionRollup } from './shapes-pulls.js';
import { appJson, userJson, type Urls } from './shapes.js';
import type { CheckRunRecord, Commit, IssueCommentRecord, IssueEventRecord, ReactionRecord, RepoState } from './state.js';

export function issueCommentJson(urls: Urls, repo: RepoState, comment: IssueCommentRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}`;
  const isPull = repo.pulls.has(comment.issueNumber);
  return {
    id: comment.id,
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    url: api,
    html_url: `${urls.web}/${repo.fullName}/${isPull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${urls.api}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    author_association: comment.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    performed_via_github_app: comment.app ? appJson(urls, comment.app) : null,
    reactions: reactionRollup(api),
  };
}

export function issueEventJson(urls: Urls, repo: RepoState, event: IssueEventRecord): Record<string, unknown> {
  return {
    id: event.id,
    node_id: Buffer.from(`015:LabeledEvent${event.id}`).toString('base64'),
    url: `${urls.api}/repos/${repo.fullName}/issues/events/${event.id}`,
    actor: userJson(urls, event.actor),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    ...(event.label ? { label: event.label } : {}),
  };
}

export function reactionJson(urls: Urls, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: Buffer.from(`010:Reaction${reaction.id}`).toString('base64'),
    user: userJson(urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

export function checkRunJson(urls: Urls, repo: RepoState, run: CheckRunRecord, pullRequests: unknown[]): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/check-runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: Buffer.from(`08:CheckRun${run.id}`).toString('base64'),
    external_id: run.externalId,
    url: api,
    html_url: `${urls.web}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${urls.web}/${repo.fullName}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${api}/annotations` },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: run.app ? appJson(urls, run.app) : null,
    pull_requests: pullRequests,
  };
}

/** The `content-file` object of the contents API: base64 wrapped at 60 characters, as GitHub sends it. */
export function contentFileJson(urls: Urls, repo: RepoState, path: string, bytes: Uint8Array, sha: string, ref: string): Record<string, unknown> {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const self = `${urls.api}/repos/${repo.fullName}/contents/${encoded}?ref=${encodeURIComponent(ref)}`;
  const git = `${urls.api}/repos/${repo.fullName}/git/blobs/${sha}`;
  const html = `${urls.web}/${repo.fullName}/blob/${ref}/${encoded}`;
  const base64 = Buffer.from(bytes).toString('base64');
  return {
    name: path.split('/').pop(),
    path,
    sha,
    size: bytes.length,
    url: self,
    html_url: html,
    git_url: git,
    download_url: `${urls.web}/${repo.fullName}/raw/${ref}/${encoded}`,
    type: 'file',
    content: `${base64.replace(/.{60}/g, '$&\n')}\n`,
    encoding: 'base64',
    _links: { self, git, html },
  };
}

/** An entry of a directory listing (`content-directory`): files and sub-directories, no content. */
export function directoryEntryJson(urls: Urls, repo: RepoState, path: string, kind: 'file' | 'dir', size: number, sha: string, ref: string): Record<string, unknown> {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const self = `${urls.api}/repos/${repo.fullName}/contents/${encoded}?ref=${encodeURIComponent(ref)}`;
  const git = `${urls.api}/repos/${repo.fullName}/git/${kind === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${urls.web}/${repo.fullName}/${kind === 'file' ? 'blob' : 'tree'}/${ref}/${encoded}`;
  return {
    name: path.split('/').pop(),
    path,
    sha,
    size,
    url: self,
    html_url: html,
    git_url: git,
    download_url: kind === 'file' ? `${urls.web}/${repo.fullName}/raw/${ref}/${encoded}` : null,
    type: kind,
    _links: { self, git, html },
  };
}

/** `file-commit`: what creating or updating a file through the contents API answers. */
export function fileCommitJson(urls: Urls, repo: RepoState, path: string, bytes: Uint8Array, sha: string, branch: string, commit: Commit): Record<string, unknown> {
  const { content: _content, encoding: _encoding, ...content } = contentFileJson(urls, repo, path, bytes, sha, branch);
  const person = { date: commit.date, name: 'specgate stand-in', email: 'stand-in@example.com' };
  return {
    content,
    commit: {
      sha: commit.sha,
      node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
      url: `${urls.api}/repos/${repo.fullName}/git/commits/${commit.sha}`,
      html_url: `${urls.web}/${repo.fullName}/commit/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { url: `${urls.api}/repos/${repo.fullName}/git/trees/${commit.sha}`, sha: commit.sha },
      parents: commit.parents.map((parent) => ({
        url: `${urls.api}/repos/${repo.fullName}/git/commits/${parent}`,
        html_url: `${urls.web}/${repo.fullName}/commit/${parent}`,
        sha: parent,
      })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
  };
}
