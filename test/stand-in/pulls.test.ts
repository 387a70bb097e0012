/** Pull requests: file lists with GitHub's pagination and 3,000-file cap, diffs, reviews on diff lines. */
import { PULL_FILES_LIMIT, type GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { api, octokitFor, REPO_ID, seedHelloWorld, startStandIn } from './helpers.js';

const P = '/repos/Codertocat/Hello-World';

/** GitHub's Link header as rel → URL. */
function links(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part);
    if (match) result[match[2]!] = match[1]!;
  }
  return result;
}

describe('GET /repos/{owner}/{repo}/pulls/{n}/files', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeAll(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github);
    const files: Record<string, string> = {};
    for (let index = 0; index < 3105; index++) files[`src/file-${String(index).padStart(4, '0')}.ts`] = `export const n = ${index};\n`;
    repo.openPullRequest({ number: 7, headRef: 'big', files });
    repo.openPullRequest({ number: 8, headRef: 'small', files: { 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n' } });
  });
  afterAll(() => github.close());

  test('pages of per_page files with Link rel next/last, then prev/first, pointing back at the stand-in', async () => {
    const first = await api(github, 'GET', `${P}/pulls/8/files?per_page=2`);
    expect(first.json.map((file: { filename: string }) => file.filename)).toEqual(['a.md', 'b.md']);
    const firstLinks = links(first.headers.get('link'));
    expect(Object.keys(firstLinks).sort()).toEqual(['last', 'next']);
    // GitHub names the repository by id in its links; the stand-in answers those too.
    expect(firstLinks.next).toBe(`${github.apiUrl}/repositories/${REPO_ID}/pulls/8/files?per_page=2&page=2`);
    const second = await fetch(firstLinks.next!, { headers: { authorization: `token ${github.token()}` } });
    expect(((await second.json()) as Array<{ filename: string }>).map((file) => file.filename)).toEqual(['c.md']);
    expect(Object.keys(links(second.headers.get('link'))).sort()).toEqual(['first', 'prev']);
  });

  test('one page needs no Link header; per_page defaults to 30 and is capped at 100', async () => {
    const single = await api(github, 'GET', `${P}/pulls/8/files`);
    expect(single.headers.get('link')).toBeNull();
    expect((await api(github, 'GET', `${P}/pulls/7/files`)).json).toHaveLength(30);
    expect((await api(github, 'GET', `${P}/pulls/7/files?per_page=500`)).json).toHaveLength(100);
  });

  test('at most 3,000 files are listed, while changed_files counts them all', async () => {
    const last = await api(github, 'GET', `${P}/pulls/7/files?per_page=100&page=30`);
    expect(last.json).toHaveLength(100);
    expect(links(last.headers.get('link')).next).toBeUndefined();
    expect((await api(github, 'GET', `${P}/pulls/7/files?per_page=100&page=31`)).json).toEqual([]);
    const pull = await api(github, 'GET', `${P}/pulls/7`);
    expect(pull.json.changed_files).toBe(3105);
  });

  test("Octokit's paginate follows the links to exactly 3,000 files", async () => {
    const octokit = octokitFor(github);
    const before = github.requests.length;
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'Codertocat', repo: 'Hello-World', pull_number: 7, per_page: 100 });
    expect(files).toHaveLength(PULL_FILES_LIMIT);
    expect(new Set(files.map((file) => file.filename)).size).toBe(PULL_FILES_LIMIT);
    expect(github.requests.length - before).toBe(30);
  });
});

describe('diffs and the pull request itself', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github, { 'docs/specs/a.md': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n', 'old.md': 'gone\n' });
  });
  afterEach(() => github.close());

  test('added, modified and removed files get git-style patches and counts', () => {
    const pull = repo.openPullRequest({
      headRef: 'edit',
      files: { 'docs/specs/a.md': 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\nten\n', 'new.md': 'x\ny\n', 'old.md': null },
    });
    expect(pull.files).toEqual([
      { filename: 'docs/specs/a.md', status: 'modified', sha: expect.any(String), additions: 1, deletions: 1, patch: '@@ -2,7 +2,7 @@\n two\n three\n four\n-five\n+FIVE\n six\n seven\n eight' },
      { filename: 'new.md', status: 'added', sha: expect.any(String), additions: 2, deletions: 0, patch: '@@ -0,0 +1,2 @@\n+x\n+y' },
      { filename: 'old.md', status: 'removed', sha: expect.any(String), additions: 0, deletions: 1, patch: '@@ -1 +0,0 @@\n-gone' },
    ]);
  });

  test('a test can say GitHub sent no patch (as for a huge diff)', () => {
    const pull = repo.openPullRequest({ headRef: 'huge', files: { 'docs/specs/b.md': { content: '# B\n', patch: null } } });
    expect(pull.files[0]).not.toHaveProperty('patch');
  });

  test('a push moves the head, keeps the old head in the history, and makes updated_at later', async () => {
    const opened = repo.openPullRequest({ number: 3, headRef: 'spec', files: { 'docs/specs/b.md': '# B\n' } });
    const pushed = repo.push(3, { 'docs/specs/b.md': '# B\n\n## More\n' });
    expect(pushed.headSha).not.toBe(opened.headSha);
    expect(pushed.updatedAt > opened.updatedAt).toBe(true);
    const json = (await api(github, 'GET', `${P}/pulls/3`)).json;
    expect(json).toMatchObject({ number: 3, head: { ref: 'spec', sha: pushed.headSha }, base: { ref: 'master', sha: opened.baseSha }, updated_at: pushed.updatedAt, commits: 2 });
    const byCommit = await api(github, 'GET', `${P}/commits/${opened.headSha}/pulls`);
    expect(byCommit.json.map((pull: { number: number }) => pull.number)).toEqual([3]);
  });

  test('an unknown pull request is 404', async () => {
    expect((await api(github, 'GET', `${P}/pulls/99`)).status).toBe(404);
    expect((await api(github, 'GET', `${P}/pulls/99/files`)).status).toBe(404);
  });
});

describe('reviews and review comments', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;
  let headSha: string;

  beforeEach(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github, { 'docs/specs/a.md': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n' });
    headSha = repo.openPullRequest({ number: 2, headRef: 'edit', files: { 'docs/specs/a.md': 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\nten\n', 'docs/specs/b.md': '# B\n\n## Context\n' } }).headSha;
  });
  afterEach(() => github.close());

  const review = (comments: unknown[]) => api(github, 'POST', `${P}/pulls/2/reviews`, { body: { commit_id: headSha, event: 'COMMENT', body: 'specgate found problems', comments } });

  test('a review with comments on diff lines is stored; later GETs return them with path, line and body', async () => {
    const response = await review([
      { path: 'docs/specs/b.md', line: 3, side: 'RIGHT', body: 'Missing **Goal**' },
      { path: 'docs/specs/a.md', line: 5, side: 'RIGHT', body: 'Changed line' },
      { path: 'docs/specs/a.md', line: 8, body: 'Context line' },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ state: 'COMMENTED', body: 'specgate found problems', commit_id: headSha, user: { login: 'specgate[bot]', type: 'Bot' } });
    const listed = await api(github, 'GET', `${P}/pulls/2/comments?per_page=100`);
    expect(listed.json.map((comment: { path: string; line: number; body: string }) => [comment.path, comment.line, comment.body])).toEqual([
      ['docs/specs/b.md', 3, 'Missing **Goal**'],
      ['docs/specs/a.md', 5, 'Changed line'],
      ['docs/specs/a.md', 8, 'Context line'],
    ]);
    expect(listed.json[0]).toMatchObject({ pull_request_review_id: response.json.id, commit_id: headSha, side: 'RIGHT', diff_hunk: '@@ -0,0 +1,3 @@\n+# B\n+\n+## Context' });
    expect(repo.reviews(2)).toEqual([expect.objectContaining({ id: response.json.id, comments: [expect.objectContaining({ line: 3 }), expect.anything(), expect.anything()] })]);
  });

  test('a comment on a line outside the diff fails the whole review with 422, as GitHub does', async () => {
    const response = await review([
      { path: 'docs/specs/b.md', line: 1, body: 'Fine' },
      { path: 'docs/specs/a.md', line: 10, body: 'Not in any hunk' },
    ]);
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] });
    expect(repo.reviews(2)).toEqual([]);
    expect((await api(github, 'GET', `${P}/pulls/2/comments`)).json).toEqual([]);
  });

  test('a path the pull request does not change is 422; an unknown commit_id is 422', async () => {
    expect((await review([{ path: 'README.md', line: 1, body: 'x' }])).json.errors).toEqual(['Path could not be resolved']);
    const response = await api(github, 'POST', `${P}/pulls/2/reviews`, { body: { commit_id: 'f'.repeat(40), event: 'COMMENT', body: 'x' } });
    expect(response.status).toBe(422);
  });
});
