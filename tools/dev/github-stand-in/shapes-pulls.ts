/** GitHub's JSON for pull requests, their files, reviews and review comments. */
import { repositoryJson, userJson, type Urls } from './shapes.js';
import type { PullFile, PullRecord, RepoState, ReviewCommentRecord, ReviewRecord } from './state.js';

export function labelJson(urls: Urls, repo: RepoState, name: string): Record<string, unknown> {
  const id = [...`${repo.fullName}:${name}`].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
  return {
    id,
    node_id: Buffer.from(`010:Label${id}`).toString('base64'),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    // pull-request allows null here, pull-request-simple only a string: '' satisfies both.
    description: '',
  };
}

/** `pulls.get`: the full pull request. */
export function pullRequestJson(urls: Urls, repo: RepoState, pull: PullRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  const repository = repositoryJson(urls, repo);
  const owner = userJson(urls, repo.owner);
  const side = (ref: string, sha: string) => ({ label: `${repo.owner.login}:${ref}`, ref, sha, user: owner, repo: repository });
  const links = {
    self: { href: `${api}/pulls/${pull.number}` },
    html: { href: html },
    issue: { href: `${api}/issues/${pull.number}` },
    comments: { href: `${api}/issues/${pull.number}/comments` },
    review_comments: { href: `${api}/pulls/${pull.number}/comments` },
    review_comment: { href: `${api}/pulls/comments{/number}` },
    commits: { href: `${api}/pulls/${pull.number}/commits` },
    statuses: { href: `${api}/statuses/${pull.headSha}` },
  };
  return {
    url: links.self.href,
    id: 279147437 + repo.id + pull.number,
    node_id: Buffer.from(`011:PullRequest${repo.id}${pull.number}`).toString('base64'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: links.issue.href,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(urls, pull.user),
    body: pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: pull.labels.map((name) => labelJson(urls, repo, name)),
    milestone: null,
    draft: pull.draft,
    commits_url: links.commits.href,
    review_comments_url: links.review_comments.href,
    review_comment_url: links.review_comment.href,
    comments_url: links.comments.href,
    statuses_url: links.statuses.href,
    head: side(pull.headRef, pull.headSha),
    base: side(pull.baseRef, pull.baseSha),
    _links: links,
    author_association: pull.user.id === repo.owner.id ? 'OWNER' : repo.collaborators.has(pull.user.login.toLowerCase()) ? 'COLLABORATOR' : 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: repo.issueComments.filter((comment) => comment.issueNumber === pull.number).length,
    review_comments: repo.reviewComments.filter((comment) => comment.pullNumber === pull.number).length,
    maintainer_can_modify: false,
    commits: pull.shas.length,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: pull.files.length,
  };
}

/** `repos.listPullRequestsAssociatedWithCommit`: the simple form, without the counts. */
export function pullRequestSimpleJson(urls: Urls, repo: RepoState, pull: PullRecord): Record<string, unknown> {
  const full = pullRequestJson(urls, repo, pull);
  for (const key of ['merged', 'mergeable', 'rebaseable', 'mergeable_state', 'merged_by', 'comments', 'review_comments', 'maintainer_can_modify', 'commits', 'additions', 'deletions', 'changed_files']) {
    delete full[key];
  }
  return full;
}

/** `pull_requests` of a check run: the minimal form. */
export function pullRequestMinimalJson(urls: Urls, repo: RepoState, pull: PullRecord): Record<string, unknown> {
  const repoRef = { id: repo.id, url: `${urls.api}/repos/${repo.fullName}`, name: repo.name };
  return {
    id: 279147437 + repo.id + pull.number,
    number: pull.number,
    url: `${urls.api}/repos/${repo.fullName}/pulls/${pull.number}`,
    head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef },
    base: { ref: pull.baseRef, sha: pull.baseSha, repo: repoRef },
  };
}

export function diffEntryJson(urls: Urls, repo: RepoState, pull: PullRecord, file: PullFile): Record<string, unknown> {
  const encoded = file.filename.split('/').map(encodeURIComponent).join('/');
  const sha = file.status === 'removed' ? pull.baseSha : pull.headSha;
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${urls.web}/${repo.fullName}/blob/${sha}/${encoded}`,
    raw_url: `${urls.web}/${repo.fullName}/raw/${sha}/${encoded}`,
    contents_url: `${urls.api}/repos/${repo.fullName}/contents/${encoded}?ref=${sha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}

export function reviewJson(urls: Urls, repo: RepoState, review: ReviewRecord): Record<string, unknown> {
  const pullUrl = `${urls.api}/repos/${repo.fullName}/pulls/${review.pullNumber}`;
  const html = `${urls.web}/${repo.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: Buffer.from(`017:PullRequestReview${review.id}`).toString('base64'),
    user: userJson(urls, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: 'NONE',
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    ...(review.state === 'PENDING' ? {} : { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
  };
}

export function reviewCommentJson(urls: Urls, repo: RepoState, comment: ReviewCommentRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}/pulls/comments/${comment.id}`;
  const html = `${urls.web}/${repo.fullName}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullUrl = `${urls.api}/repos/${repo.fullName}/pulls/${comment.pullNumber}`;
  return {
    url: api,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: Buffer.from(`024:PullRequestReviewComment${comment.id}`).toString('base64'),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: userJson(urls, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: 'NONE',
    _links: { self: { href: api }, html: { href: html }, pull_request: { href: pullUrl } },
    reactions: reactionRollup(api),
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startLine === null ? null : comment.side,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
  };
}

export function reactionRollup(url: string): Record<string, unknown> {
  const counts = { '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };
  return { url: `${url}/reactions`, total_count: 0, ...counts };
}
