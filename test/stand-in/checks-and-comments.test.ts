/** Check runs (annotations appended, 50 a request), issue comments, reactions, events and permissions. */
import { MAX_ANNOTATIONS_PER_REQUEST, type GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { api, seedHelloWorld, startStandIn } from './helpers.js';

const P = '/repos/Codertocat/Hello-World';

const annotations = (count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => ({ path: 'docs/specs/a.md', start_line: from + index, end_line: from + index, annotation_level: 'failure', message: `Problem ${from + index}` }));

describe('check runs', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;
  let headSha: string;

  beforeEach(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github);
    headSha = repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/a.md': '# A\n' } }).headSha;
  });
  afterEach(() => github.close());

  const create = (output: unknown, extra: Record<string, unknown> = {}) =>
    api(github, 'POST', `${P}/check-runs`, { body: { name: 'Spec completeness', head_sha: headSha, status: 'completed', conclusion: 'failure', output, ...extra } });

  test('a completed run with 50 annotations, then updates that append 50 and 10 more', async () => {
    const created = await create({ title: 'Incomplete', summary: 'Summary', annotations: annotations(50) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Spec completeness', head_sha: headSha, status: 'completed', conclusion: 'failure', output: { title: 'Incomplete', annotations_count: 50 } });
    expect(created.json.pull_requests).toEqual([expect.objectContaining({ number: 2 })]);
    for (const [count, from] of [[50, 51], [10, 101]] as const) {
      const updated = await api(github, 'PATCH', `${P}/check-runs/${created.json.id}`, { body: { output: { title: 'Incomplete', summary: 'Summary', annotations: annotations(count, from) } } });
      expect(updated.status).toBe(200);
    }
    const [run] = repo.checkRuns({ headSha });
    expect(run).toMatchObject({ id: created.json.id, status: 'completed', conclusion: 'failure', output: { title: 'Incomplete', summary: 'Summary' } });
    expect(run!.annotations.map((annotation) => annotation.start_line)).toEqual(Array.from({ length: 110 }, (_, index) => index + 1));
    expect(run!.app).toMatchObject({ slug: 'specgate' });
  });

  test('more than 50 annotations in one request is 422 with GitHub\'s message, and nothing is stored', async () => {
    const response = await create({ title: 'T', summary: 'S', annotations: annotations(MAX_ANNOTATIONS_PER_REQUEST + 1) });
    expect(response.status).toBe(422);
    expect(response.json.message).toBe('Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.');
    expect(repo.checkRuns()).toEqual([]);
    const created = await create({ title: 'T', summary: 'S' });
    const update = await api(github, 'PATCH', `${P}/check-runs/${created.json.id}`, { body: { output: { summary: 'S', annotations: annotations(60) } } });
    expect(update.status).toBe(422);
    expect(repo.checkRuns()[0]!.annotations).toEqual([]);
  });

  test('GitHub\'s other refusals: completed without a conclusion, an output without a summary, a summary over 65535 characters, an unknown commit', async () => {
    expect((await create(undefined, { conclusion: undefined })).status).toBe(422);
    expect((await create({ title: 'T' })).status).toBe(422);
    expect((await create({ title: 'T', summary: 'x'.repeat(65536) })).json.message).toBe('Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.');
    expect((await create({ title: 'T', summary: 'S' }, { head_sha: 'a'.repeat(40) })).status).toBe(422);
    expect((await create({ title: 'T', summary: 'S', annotations: [{ ...annotations(1)[0], annotation_level: 'error' }] })).status).toBe(422);
    expect(repo.checkRuns()).toEqual([]);
  });

  test('a conclusion completes a run; an unknown run is 404', async () => {
    const queued = await api(github, 'POST', `${P}/check-runs`, { body: { name: 'X', head_sha: headSha } });
    expect(queued.json).toMatchObject({ status: 'queued', conclusion: null, completed_at: null });
    const done = await api(github, 'PATCH', `${P}/check-runs/${queued.json.id}`, { body: { conclusion: 'success' } });
    expect(done.json).toMatchObject({ status: 'completed', conclusion: 'success', completed_at: expect.any(String) });
    expect((await api(github, 'PATCH', `${P}/check-runs/999999`, { body: { conclusion: 'success' } })).status).toBe(404);
  });
});

describe('issue comments, events, reactions and permissions', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await startStandIn();
    repo = seedHelloWorld(github);
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/a.md': '# A\n' } });
  });
  afterEach(() => github.close());

  test('comments are created by the app\'s bot, listed 100 a page with links, and edited in place', async () => {
    const humanId = repo.addIssueComment(2, '/spec-template help', 'octocat');
    const created = await api(github, 'POST', `${P}/issues/2/comments`, { body: { body: '<!-- sticky --> first' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ body: '<!-- sticky --> first', user: { login: 'specgate[bot]', type: 'Bot' }, performed_via_github_app: { slug: 'specgate' } });
    const edited = await api(github, 'PATCH', `${P}/issues/comments/${created.json.id}`, { body: { body: '<!-- sticky --> second' } });
    expect(edited.status).toBe(200);
    expect(repo.issueComments(2).map((comment) => [comment.id, comment.body, comment.user.login])).toEqual([
      [humanId, '/spec-template help', 'octocat'],
      [created.json.id, '<!-- sticky --> second', 'specgate[bot]'],
    ]);
    const page = await api(github, 'GET', `${P}/issues/2/comments?per_page=1`);
    expect(page.json).toHaveLength(1);
    expect(page.headers.get('link')).toContain('rel="next"');
  });

  test('a body over 65536 characters is 422; an issue that does not exist is 404', async () => {
    const long = await api(github, 'POST', `${P}/issues/2/comments`, { body: { body: 'x'.repeat(65537) } });
    expect(long.status).toBe(422);
    expect(long.json.errors[0].message).toBe('Body is too long (maximum is 65536 characters)');
    expect((await api(github, 'POST', `${P}/issues/9/comments`, { body: { body: 'x' } })).status).toBe(404);
    expect((await api(github, 'PATCH', `${P}/issues/comments/9999`, { body: { body: 'x' } })).status).toBe(404);
  });

  test('reactions: 201 when new, 200 when the same user already reacted so', async () => {
    const id = repo.addIssueComment(2, '/spec-template check', 'octocat');
    expect((await api(github, 'POST', `${P}/issues/comments/${id}/reactions`, { body: { content: 'eyes' } })).status).toBe(201);
    expect((await api(github, 'POST', `${P}/issues/comments/${id}/reactions`, { body: { content: 'eyes' } })).status).toBe(200);
    expect((await api(github, 'POST', `${P}/issues/comments/${id}/reactions`, { body: { content: '+1' } })).status).toBe(201);
    expect((await api(github, 'POST', `${P}/issues/comments/${id}/reactions`, { body: { content: 'party' } })).status).toBe(422);
    expect(repo.reactions(id).map((reaction) => reaction.content)).toEqual(['eyes', '+1']);
  });

  test('label events record who added a label', async () => {
    repo.label(2, 'spec-check: skip', 'monalisa');
    const events = await api(github, 'GET', `${P}/issues/2/events?per_page=100`);
    expect(events.json).toEqual([expect.objectContaining({ event: 'labeled', actor: expect.objectContaining({ login: 'monalisa' }), label: { name: 'spec-check: skip', color: 'ededed' } })]);
    expect((await api(github, 'GET', `${P}/pulls/2`)).json.labels).toEqual([expect.objectContaining({ name: 'spec-check: skip' })]);
  });

  test('collaborator permissions: permission folds maintain into write and triage into read, role_name keeps them', async () => {
    repo.addCollaborator('maya', 'maintain').addCollaborator('tim', 'triage').addCollaborator('wes', 'write');
    const ask = async (login: string) => {
      const { json } = await api(github, 'GET', `${P}/collaborators/${login}/permission`);
      return [json.permission, json.role_name];
    };
    expect(await ask('Codertocat')).toEqual(['admin', 'admin']);
    expect(await ask('maya')).toEqual(['write', 'maintain']);
    expect(await ask('tim')).toEqual(['read', 'triage']);
    expect(await ask('wes')).toEqual(['write', 'write']);
    expect(await ask('stranger')).toEqual(['read', 'read']);
  });
});
