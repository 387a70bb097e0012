/** The contents API: raw or JSON, `?ref=`, both URL prefixes, and writes with GitHub's SHA checks. */
import { blobSha, type GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { api, b64, octokitFor, seedHelloWorld, startStandIn } from './helpers.js';

const P = '/repos/Codertocat/Hello-World';
const RAW = 'application/vnd.github.v3.raw';

describe('GET /repos/{owner}/{repo}/contents/{path}', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeAll(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github, { 'docs/specs/TEMPLATE.md': '# Template\n\n## Context\n' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/TEMPLATE.md': '# Changed on the branch\n' } });
  });
  afterAll(() => github.close());

  test('the raw media type answers the text as text/plain', async () => {
    const response = await api(github, 'GET', `${P}/contents/docs%2Fspecs%2FTEMPLATE.md`, { accept: RAW });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe('# Template\n\n## Context\n');
  });

  test('JSON answers the content object, base64 wrapped as GitHub wraps it, with the blob SHA', async () => {
    const response = await api(github, 'GET', `${P}/contents/docs/specs/TEMPLATE.md`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = '# Template\n\n## Context\n';
    expect(response.json).toMatchObject({ type: 'file', encoding: 'base64', path: 'docs/specs/TEMPLATE.md', name: 'TEMPLATE.md', size: text.length, sha: blobSha(Buffer.from(text)) });
    expect(Buffer.from(response.json.content, 'base64').toString('utf8')).toBe(text);
    expect(response.json.content).toMatch(/\n$/);
  });

  test('?ref= reads a branch or a commit; an unknown ref is 404', async () => {
    const byBranch = await api(github, 'GET', `${P}/contents/docs%2Fspecs%2FTEMPLATE.md?ref=changes`, { accept: RAW });
    expect(byBranch.text).toBe('# Changed on the branch\n');
    const bySha = await api(github, 'GET', `${P}/contents/docs%2Fspecs%2FTEMPLATE.md?ref=${repo.pullRequest(2).baseSha}`, { accept: RAW });
    expect(bySha.text).toBe('# Template\n\n## Context\n');
    const unknown = await api(github, 'GET', `${P}/contents/README.md?ref=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('No commit found for the ref nope');
  });

  test('a missing file is 404 Not Found, also in an unknown repository (Probot then asks the owner\'s .github)', async () => {
    for (const path of [`${P}/contents/.github%2Fmissing.yml`, '/repos/Codertocat/.github/contents/.github%2Fspecgate.yml']) {
      const response = await api(github, 'GET', path, { accept: RAW });
      expect(response.status).toBe(404);
      expect(response.json).toMatchObject({ message: 'Not Found', documentation_url: expect.any(String) });
    }
  });

  test('a directory is listed as JSON even when raw is asked for', async () => {
    const response = await api(github, 'GET', `${P}/contents/docs`, { accept: RAW });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual([expect.objectContaining({ name: 'specs', path: 'docs/specs', type: 'dir' })]);
  });

  test('the API answers under / as well as under /api/v3', async () => {
    const plain = await api(github, 'GET', `${P}/contents/README.md`, { accept: RAW, prefix: '' });
    expect(plain.text).toBe('# Hello-World\n');
  });

  test("through Octokit: getContent's raw format gives a string, as the app reads it", async () => {
    const octokit = octokitFor(github);
    const { data } = await octokit.rest.repos.getContent({ owner: 'Codertocat', repo: 'Hello-World', path: '.github/specgate.yml', mediaType: { format: 'raw' } });
    expect(data).toBe('comment: always\n');
  });
});

describe('PUT /repos/{owner}/{repo}/contents/{path}', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github);
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/a.md': '# A\n' } });
  });
  afterEach(() => github.close());

  const put = (path: string, body: Record<string, unknown>) => api(github, 'PUT', `${P}/contents/${path}`, { body: { message: 'Write', ...body } });

  test('creating a file answers 201 with the new blob and commit; the branch has it', async () => {
    const response = await put('docs/specs/b.md', { content: b64('# B\n'), branch: 'changes' });
    expect(response.status).toBe(201);
    expect(response.json.content).toMatchObject({ path: 'docs/specs/b.md', sha: blobSha(Buffer.from('# B\n')) });
    expect(response.json.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(repo.file('docs/specs/b.md', 'changes')).toBe('# B\n');
    expect(repo.file('docs/specs/b.md')).toBeUndefined();
  });

  test('a write to a pull request\'s head branch moves its head and its file list', async () => {
    const before = repo.pullRequest(2);
    const response = await put('docs/specs/b.md', { content: b64('# B\n'), branch: 'changes' });
    const after = repo.pullRequest(2);
    expect(after.headSha).toBe(response.json.commit.sha);
    expect(after.headSha).not.toBe(before.headSha);
    expect(after.files.map((file) => file.filename)).toEqual(['docs/specs/a.md', 'docs/specs/b.md']);
  });

  test('updating with the current blob SHA answers 200', async () => {
    const response = await put('docs/specs/a.md', { content: b64('# A, filled\n'), branch: 'changes', sha: blobSha(Buffer.from('# A\n')) });
    expect(response.status).toBe(200);
    expect(repo.file('docs/specs/a.md', 'changes')).toBe('# A, filled\n');
  });

  test('a SHA that is not the current blob is 409: a push in between is never overwritten', async () => {
    const stale = blobSha(Buffer.from('# A\n'));
    repo.push(2, { 'docs/specs/a.md': '# A, pushed meanwhile\n' });
    const response = await put('docs/specs/a.md', { content: b64('# A, filled\n'), branch: 'changes', sha: stale });
    expect(response.status).toBe(409);
    expect(response.json.message).toBe(`docs/specs/a.md does not match ${stale}`);
    expect(repo.file('docs/specs/a.md', 'changes')).toBe('# A, pushed meanwhile\n');
  });

  test('writing an existing file without a SHA is 422', async () => {
    const response = await put('docs/specs/a.md', { content: b64('# A, again\n'), branch: 'changes' });
    expect(response.status).toBe(422);
    expect(response.json.message).toBe('Invalid request.\n\n"sha" wasn\'t supplied.');
    expect(repo.file('docs/specs/a.md', 'changes')).toBe('# A\n');
  });

  test('a branch that does not exist is 404; a missing message is 422', async () => {
    expect((await put('x.md', { content: b64('x'), branch: 'nope' })).status).toBe(404);
    const response = await api(github, 'PUT', `${P}/contents/x.md`, { body: { content: b64('x') } });
    expect(response.status).toBe(422);
  });

  test('through Octokit, as `/spec-template fill` writes', async () => {
    const octokit = octokitFor(github);
    const { data: file } = await octokit.rest.repos.getContent({ owner: 'Codertocat', repo: 'Hello-World', path: 'docs/specs/a.md', ref: 'changes' });
    const sha = (file as { sha: string }).sha;
    const { data, status } = await octokit.rest.repos.createOrUpdateFileContents({ owner: 'Codertocat', repo: 'Hello-World', path: 'docs/specs/a.md', branch: 'changes', message: 'Fill', content: b64('# A\n\n## More\n'), sha });
    expect(status).toBe(200);
    expect(data.commit.sha).toBe(repo.pullRequest(2).headSha);
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({ owner: 'Codertocat', repo: 'Hello-World', path: 'docs/specs/a.md', branch: 'changes', message: 'Again', content: b64('# A\n'), sha }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('GET /repos/{owner}/{repo}/git/blobs/{sha}', () => {
  test('answers the bytes in base64 by their git blob SHA, 404 for an unknown SHA', async () => {
    const github = await startStandIn();
    try {
      const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41, 0x0d, 0x0a, 0x00, 0xff]);
      const repo = seedHelloWorld(github);
      const pull = repo.openPullRequest({ files: { 'docs/specs/bin.md': bytes } });
      const sha = pull.files[0]!.sha!;
      expect(sha).toBe(blobSha(bytes));
      const response = await api(github, 'GET', `${P}/git/blobs/${sha}`);
      expect(response.json).toMatchObject({ sha, encoding: 'base64', size: bytes.length });
      expect(Buffer.from(response.json.content, 'base64')).toEqual(bytes);
      // Binary: GitHub lists no patch for it.
      expect(pull.files[0]!.patch).toBeUndefined();
      expect((await api(github, 'GET', `${P}/git/blobs/${'0'.repeat(40)}`)).status).toBe(404);
    } finally {
      await github.close();
    }
  });
});
