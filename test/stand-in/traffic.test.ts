/** The request log, latency, fault injection, unknown routes, and authentication. */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { compilePattern, type GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { api, octokitFor, seedHelloWorld, startStandIn } from './helpers.js';

const P = '/repos/Codertocat/Hello-World';

describe('the request log', () => {
  let github: GitHubStandIn;

  beforeEach(async () => {
    github = await startStandIn();
    seedHelloWorld(github).openPullRequest({ number: 2, headRef: 'changes', files: { 'a.md': 'a\n' } });
  });
  afterEach(() => github.close());

  test('records method, routed path, query, route template, status and start/end times of every request', async () => {
    await api(github, 'GET', `${P}/pulls/2/files?per_page=100`);
    await api(github, 'GET', `${P}/contents/missing.md`, { prefix: '' });
    expect(github.requests).toEqual([
      { seq: 1, method: 'GET', path: `${P}/pulls/2/files`, query: '?per_page=100', route: '/repos/{owner}/{repo}/pulls/{pull_number}/files', status: 200, start: expect.any(Number), end: expect.any(Number), fault: false },
      { seq: 2, method: 'GET', path: `${P}/contents/missing.md`, query: '', route: '/repos/{owner}/{repo}/contents/{path+}', status: 404, start: expect.any(Number), end: expect.any(Number), fault: false },
    ]);
    for (const record of github.requests) expect(record.end).toBeGreaterThanOrEqual(record.start);
    expect(github.log.filter('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(1);
    expect(github.log.filter(/contents/)).toHaveLength(1);
    github.log.clear();
    expect(github.requests).toEqual([]);
  });

  test('an unknown route is 404 Not Found as JSON, and listed as unknown', async () => {
    const response = await api(github, 'GET', `${P}/branches/master/protection`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.json).toMatchObject({ message: 'Not Found' });
    expect((await api(github, 'DELETE', `${P}/pulls/2`)).status).toBe(404);
    expect(github.unknownRequests.map((record) => `${record.method} ${record.path}`)).toEqual([`GET ${P}/branches/master/protection`, `DELETE ${P}/pulls/2`]);
  });

  test('latencyMs delays every answer by at least that long', async () => {
    github.latencyMs = 120;
    const started = performance.now();
    const response = await api(github, 'GET', `${P}/pulls/2`);
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
    const [record] = github.requests;
    expect(record!.end - record!.start).toBeGreaterThanOrEqual(120);
  });

  test('the latency option can be given at start', async () => {
    const slow = await startStandIn({ latencyMs: 80 });
    try {
      const started = performance.now();
      await api(slow, 'GET', '/nothing-here');
      expect(performance.now() - started).toBeGreaterThanOrEqual(80);
    } finally {
      await slow.close();
    }
  });
});

describe('fault injection', () => {
  let github: GitHubStandIn;

  beforeEach(async () => {
    github = await startStandIn();
    seedHelloWorld(github).openPullRequest({ number: 2, headRef: 'changes', files: { 'a.md': 'a\n' } });
  });
  afterEach(() => github.close());

  test('failNext fails the next matching requests `times` times, then the route answers again', async () => {
    const fault = github.failNext('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 502, { times: 2 });
    expect((await api(github, 'GET', `${P}/pulls/2`)).status).toBe(200);
    const first = await api(github, 'GET', `${P}/pulls/2/files`);
    expect(first.status).toBe(502);
    expect(first.json).toMatchObject({ message: 'Bad Gateway' });
    expect((await api(github, 'GET', `${P}/pulls/2/files`)).status).toBe(502);
    expect(fault.remaining).toBe(0);
    expect((await api(github, 'GET', `${P}/pulls/2/files`)).status).toBe(200);
    expect(github.requests.map((record) => [record.status, record.fault])).toEqual([
      [200, false],
      [502, true],
      [502, true],
      [200, false],
    ]);
    expect(github.faults.pending()).toEqual([]);
  });

  test('a fault can carry headers such as retry-after, and its own body', async () => {
    github.failNext('POST /repos/:owner/:repo/check-runs', 403, {
      headers: { 'retry-after': '7', 'x-ratelimit-remaining': '0' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const response = await api(github, 'POST', `${P}/check-runs`, { body: { name: 'x', head_sha: 'y' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.json).toEqual({ message: 'You have exceeded a secondary rate limit.' });
  });

  test('Octokit sees a fault as GitHub\'s error, status and headers included', async () => {
    github.failNext(/^GET .*\/pulls\/2$/, 503, { headers: { 'retry-after': '1' } });
    const octokit = octokitFor(github);
    await expect(octokit.rest.pulls.get({ owner: 'Codertocat', repo: 'Hello-World', pull_number: 2 })).rejects.toMatchObject({
      status: 503,
      response: { headers: expect.objectContaining({ 'retry-after': '1' }) },
    });
    expect((await octokit.rest.pulls.get({ owner: 'Codertocat', repo: 'Hello-World', pull_number: 2 })).status).toBe(200);
  });

  test('patterns: templates, :params, * segments, no method, or a RegExp', () => {
    expect(compilePattern('GET /repos/{owner}/{repo}/contents/{path+}')('GET', '/repos/a/b/contents/.github%2Fspecgate.yml')).toBe(true);
    expect(compilePattern('/repos/*/*/check-runs/*')('PATCH', '/repos/a/b/check-runs/7')).toBe(true);
    expect(compilePattern('POST /repos/:owner/:repo/check-runs')('PATCH', '/repos/a/b/check-runs')).toBe(false);
    expect(compilePattern('GET /repos/a/b/pulls/2')('GET', '/repos/a/b/pulls/3')).toBe(false);
    expect(compilePattern(/issues\/\d+\/comments$/)('POST', '/repos/a/b/issues/2/comments')).toBe(true);
  });
});

describe('authentication', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });

  function jwt(appId: number, key = privateKey): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: appId })}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key, 'base64url')}`;
  }

  test('an app JWT signed with the app key buys an installation token that authorises API calls', async () => {
    const github = await startStandIn({ auth: { appId: 42, key: privateKey } });
    try {
      seedHelloWorld(github);
      const bought = await fetch(`${github.apiUrl}/app/installations/7/access_tokens`, { method: 'POST', headers: { authorization: `Bearer ${jwt(42)}` } });
      expect(bought.status).toBe(201);
      const { token, expires_at, permissions } = (await bought.json()) as { token: string; expires_at: string; permissions: Record<string, string> };
      expect(token).toMatch(/^ghs_/);
      expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());
      expect(permissions).toMatchObject({ checks: 'write', pull_requests: 'write' });
      expect((await api(github, 'GET', `${P}/contents/README.md`, { token })).status).toBe(200);

      const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
      for (const bad of [jwt(43), jwt(42, other), 'not-a-jwt']) {
        const refused = await fetch(`${github.apiUrl}/app/installations/7/access_tokens`, { method: 'POST', headers: { authorization: `Bearer ${bad}` } });
        expect(refused.status).toBe(401);
      }
    } finally {
      await github.close();
    }
  });

  test('no token or an unknown token is 401; a token without a permission is 403', async () => {
    const github = await startStandIn({ auth: { permissions: { contents: 'read', metadata: 'read', pull_requests: 'read' } } });
    try {
      seedHelloWorld(github).openPullRequest({ number: 2, headRef: 'changes', files: { 'a.md': 'a\n' } });
      expect((await api(github, 'GET', `${P}/pulls/2`, { token: null })).json).toMatchObject({ message: 'Requires authentication' });
      expect((await api(github, 'GET', `${P}/pulls/2`, { token: 'ghs_unknown' })).status).toBe(401);
      expect((await api(github, 'GET', `${P}/pulls/2`)).status).toBe(200);
      const write = await api(github, 'PUT', `${P}/contents/a.md`, { body: { message: 'm', content: 'YQ==', branch: 'changes' } });
      expect(write.status).toBe(403);
      expect(write.json.message).toBe('Resource not accessible by integration');
    } finally {
      await github.close();
    }
  });

  test('with `auth: { required: false }` requests without a token are served', async () => {
    const github = await startStandIn({ auth: { required: false } });
    try {
      seedHelloWorld(github);
      expect((await api(github, 'GET', `${P}/contents/README.md`, { token: null })).status).toBe(200);
    } finally {
      await github.close();
    }
  });
});
