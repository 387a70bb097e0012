import { examplePayload, FakeGitHub, REPO_PATH } from './github.js';

export const COMMENT_ID = 492700400;
export const HEAD_REF = 'changes';

/** GitHub's example issue_comment.created payload, moved onto pull request #2 with our command. */
export function commentPayload(body: string, options: { onPullRequest?: boolean; bot?: boolean; user?: string } = {}): any {
  const payload = examplePayload('issue_comment', 'created');
  payload.comment.body = body;
  payload.issue.number = 2;
  if (options.onPullRequest !== false) {
    payload.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/2`, html_url: '', diff_url: '', patch_url: '' };
  } else {
    delete payload.issue.pull_request;
  }
  if (options.user) {
    payload.sender.login = options.user;
    payload.comment.user.login = options.user;
  }
  if (options.bot) {
    payload.sender.type = 'Bot';
    payload.comment.user.type = 'Bot';
    payload.sender.login = 'specgate[bot]';
  }
  return payload;
}

/** The pull request as `pulls.get` returns it: GitHub's example, optionally from a fork. */
export function pullRequestData(options: { fromFork?: boolean } = {}): any {
  const pull = examplePayload('pull_request', 'opened').pull_request;
  pull.number = 2;
  pull.head.ref = HEAD_REF;
  if (options.fromFork) pull.head.repo = { ...pull.head.repo, full_name: 'forker/Hello-World', owner: { ...pull.head.repo.owner, login: 'forker' } };
  return pull;
}

/** The requests a command makes, added to the GitHub stand-in. */
export class CommandGitHub extends FakeGitHub {
  react(content: string): this {
    return this.write('post', `${REPO_PATH}/issues/comments/${COMMENT_ID}/reactions`, '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { id: 1, content });
  }

  permission(user: string, permission: string, roleName = permission): this {
    this.scope.get(`${REPO_PATH}/collaborators/${user}/permission`).reply(200, { permission, role_name: roleName, user: { login: user } });
    return this;
  }

  pullRequest(data: unknown = pullRequestData()): this {
    this.scope.get(`${REPO_PATH}/pulls/2`).reply(200, data as Record<string, unknown>);
    return this;
  }

  branchFile(path: string, ref: string, content: Uint8Array | string | null, sha = 'f00d'): this {
    const url = `${REPO_PATH}/contents/${path.split('/').map(encodeURIComponent).join('%2F')}`;
    if (content === null) {
      this.scope.get(url).query({ ref }).reply(404, { message: 'Not Found' });
    } else {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      this.scope.get(url).query({ ref }).reply(200, { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').at(-1), path, sha, content: bytes.toString('base64') });
    }
    return this;
  }

  putFile(path: string, status = 201): this {
    const url = `${REPO_PATH}/contents/${path.split('/').map(encodeURIComponent).join('%2F')}`;
    if (status >= 400) {
      this.scope.put(url).reply(status, { message: status === 409 ? 'is at 1234 but expected f00d' : 'Resource not accessible by integration' });
      return this;
    }
    return this.write('put', url, '/repos/{owner}/{repo}/contents/{path}', { content: { path }, commit: { sha: 'c0ffee1' } }, status);
  }

  reply(): this {
    return this.createComment(2);
  }
}
