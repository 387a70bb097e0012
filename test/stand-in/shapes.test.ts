/**
 * Every answer of every route the stand-in serves, validated against the response schema GitHub's
 * OpenAPI description gives that operation and status: the shapes are GitHub's, not guesses.
 */
import type { GitHubStandIn, RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { api, b64, seedHelloWorld, startStandIn } from './helpers.js';
import { assertValidResponse } from './openapi-responses.js';

const R = '/repos/{owner}/{repo}';
const P = '/repos/Codertocat/Hello-World';

/** A JWT as an app sends it (the stand-in checks its claims; its signature only when given a key). */
function appJwt(appId: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: appId })}.c2lnbmF0dXJl`;
}

describe('the stand-in answers in the shapes GitHub documents', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;
  let headSha: string;

  beforeAll(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github, { 'docs/specs/old.md': '# Old\n\nline\n' });
    headSha = repo.openPullRequest({
      number: 2,
      headRef: 'changes',
      labels: ['spec-check: skip'],
      files: { 'docs/specs/new.md': '# New\n\n## Context\nText.\n', 'docs/specs/old.md': '# Old\n\nline, changed\n' },
    }).headSha;
    repo.addCollaborator('octocat', 'maintain');
  });
  afterAll(() => github.close());

  const check = async (method: string, template: string, path: string, options: Parameters<typeof api>[3] = {}) => {
    const response = await api(github, method.toUpperCase(), path, options);
    expect({ status: response.status < 300 ? 'ok' : response.status, body: response.status < 300 ? '' : response.text }).toEqual({ status: 'ok', body: '' });
    assertValidResponse(method, template, response.status, response.json);
    return response;
  };

  test('installation tokens', async () => {
    const response = await fetch(`${github.apiUrl}/app/installations/1/access_tokens`, { method: 'POST', headers: { authorization: `Bearer ${appJwt(1)}` } });
    expect(response.status).toBe(201);
    assertValidResponse('post', '/app/installations/{installation_id}/access_tokens', 201, await response.json());
  });

  test('contents, blobs and writes', async () => {
    const file = await check('get', `${R}/contents/{path}`, `${P}/contents/docs%2Fspecs%2Fold.md`);
    expect(file.json.type).toBe('file');
    const directory = await check('get', `${R}/contents/{path}`, `${P}/contents/docs`);
    expect(directory.json).toEqual([expect.objectContaining({ name: 'specs', type: 'dir' })]);
    await check('get', `${R}/git/blobs/{file_sha}`, `${P}/git/blobs/${file.json.sha}`);
    await check('put', `${R}/contents/{path}`, `${P}/contents/docs/specs/other.md`, { body: { message: 'Add', content: b64('# Other\n'), branch: 'changes' } });
  });

  test('pull requests, files, reviews, and the pull requests of a commit', async () => {
    await check('get', `${R}/pulls/{pull_number}`, `${P}/pulls/2`);
    const files = await check('get', `${R}/pulls/{pull_number}/files`, `${P}/pulls/2/files`);
    expect(files.json.map((entry: { filename: string; status: string }) => `${entry.status} ${entry.filename}`)).toEqual([
      'added docs/specs/new.md',
      'modified docs/specs/old.md',
      'added docs/specs/other.md',
    ]);
    await check('post', `${R}/pulls/{pull_number}/reviews`, `${P}/pulls/2/reviews`, {
      body: { commit_id: headSha, event: 'COMMENT', body: 'Review', comments: [{ path: 'docs/specs/new.md', line: 3, side: 'RIGHT', body: 'Here' }] },
    });
    const comments = await check('get', `${R}/pulls/{pull_number}/comments`, `${P}/pulls/2/comments`);
    expect(comments.json).toHaveLength(1);
    await check('get', `${R}/commits/{commit_sha}/pulls`, `${P}/commits/${headSha}/pulls`);
  });

  test('check runs', async () => {
    const annotation = { path: 'docs/specs/new.md', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'Missing' };
    const created = await check('post', `${R}/check-runs`, `${P}/check-runs`, {
      body: { name: 'Spec completeness', head_sha: headSha, status: 'completed', conclusion: 'failure', output: { title: 'T', summary: 'S', annotations: [annotation] } },
    });
    expect(created.status).toBe(201);
    await check('patch', `${R}/check-runs/{check_run_id}`, `${P}/check-runs/${created.json.id}`, { body: { output: { title: 'T', summary: 'S', annotations: [annotation] } } });
  });

  test('issue comments, events, reactions and permissions', async () => {
    const created = await check('post', `${R}/issues/{issue_number}/comments`, `${P}/issues/2/comments`, { body: { body: 'Hello' } });
    expect(created.status).toBe(201);
    await check('patch', `${R}/issues/comments/{comment_id}`, `${P}/issues/comments/${created.json.id}`, { body: { body: 'Edited' } });
    await check('get', `${R}/issues/{issue_number}/comments`, `${P}/issues/2/comments`);
    const reaction = await check('post', `${R}/issues/comments/{comment_id}/reactions`, `${P}/issues/comments/${created.json.id}/reactions`, { body: { content: 'eyes' } });
    expect(reaction.status).toBe(201);
    const events = await check('get', `${R}/issues/{issue_number}/events`, `${P}/issues/2/events`);
    expect(events.json).toEqual([expect.objectContaining({ event: 'labeled', label: { name: 'spec-check: skip', color: 'ededed' } })]);
    await check('get', `${R}/collaborators/{username}/permission`, `${P}/collaborators/octocat/permission`);
  });
});

