import { createHmac } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createNodeMiddleware } from 'probot';
import { createLogger } from '../../src/app/logger.js';
import { startServer } from '../../src/app/server.js';
import { readSettings } from '../../src/app/settings.js';
import specgateApp from '../../src/app/index.js';
import {
  examplePayload,
  FakeGitHub,
  noNetwork,
  PRIVATE_KEY,
  probotUnderTest,
  pullRequestPayload,
  QuickOctokit,
  REPO_PATH,
  restoreNetwork,
  WEBHOOK_SECRET,
} from '../helpers/github.js';

const sign = (body: string, secret = WEBHOOK_SECRET): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function deliver(url: string, body: string, signature: string | undefined, delivery = '72d3162e-cc78-11e3-81ab-4c9367dc0958'): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': delivery };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  return fetch(`${url}/api/github/webhooks`, { method: 'POST', headers, body });
}

/** A loopback port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

/** The environment `npm start` reads, for a server on `port`. */
function startEnvironment(port: number, extra: Record<string, string>) {
  return {
    APP_ID: '123',
    PRIVATE_KEY: PRIVATE_KEY.replace(/\n/g, '\\n'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent' as const,
    ...extra,
  };
}

/**
 * What GitHub answers for one pull request with no files and no configuration: a token, two 404s
 * for the configuration, an empty file list, the check run and the comment lookup.
 */
function emptyPullRequest(api: string, reply: { token?: () => Promise<[number, object]>; checkRun?: () => [number, object] } = {}): nock.Scope {
  return nock(api)
    .post('/app/installations/1/access_tokens')
    .reply(reply.token ?? (async () => [201, { token: 't' }]))
    .get(`${REPO_PATH}/contents/.github%2Fspecgate.yml`)
    .reply(404)
    .get('/repos/Codertocat/.github/contents/.github%2Fspecgate.yml')
    .reply(404)
    .get(`${REPO_PATH}/pulls/2/files`)
    .query(true)
    .reply(200, [])
    .post(`${REPO_PATH}/check-runs`)
    .reply(reply.checkRun ?? (() => [201, { id: 1 }]))
    .get(`${REPO_PATH}/issues/2/comments`)
    .query(true)
    .reply(200, []);
}

/** Every request that tried to leave this machine, i.e. a call to GitHub nock did not expect. */
function recordEscapes(): { calls: string[]; stop: () => void } {
  const calls: string[] = [];
  const listener = (request: { hostname?: string; method?: string; path?: string }) => {
    if (request.hostname !== '127.0.0.1') calls.push(`${request.method} ${request.hostname}${request.path}`);
  };
  nock.emitter.on('no match', listener);
  return { calls, stop: () => nock.emitter.off('no match', listener) };
}

describe('the app behind a real HTTP server', () => {
  let server: HttpServer;
  let url: string;

  beforeAll(async () => {
    // createNodeMiddleware loads the app into the Probot it is given.
    const middleware = await createNodeMiddleware(specgateApp, { probot: probotUnderTest() });
    server = createServer((request, response) => middleware(request, response, () => response.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  test('a correctly signed webhook is checked and answered once the check run is posted', async () => {
    const github = new FakeGitHub().token().config(null).files([{ filename: 'README.md' }]).createCheckRun().comments([]);
    const body = JSON.stringify(pullRequestPayload('opened'));
    const response = await deliver(url, body, sign(body));
    expect(response.status).toBe(200);
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success', output: { title: 'No spec files changed' } });
  });

  test.each([
    ['signed with another secret', (body: string) => sign(body, 'not-the-secret')],
    ['signed over a different body', () => sign('{}')],
    ['not signed at all', () => undefined],
  ])('a webhook %s is rejected before any call to GitHub', async (_, signature) => {
    const escapes = recordEscapes();
    try {
      const body = JSON.stringify(pullRequestPayload('opened'));
      const response = await deliver(url, body, signature(body), 'forged-delivery');
      expect(response.status).toBe(400);
    } finally {
      escapes.stop();
    }
    expect(escapes.calls).toEqual([]);
  });
});

describe('npm start: configured only by environment variables', () => {
  test('GHE_HOST points every API call at GitHub Enterprise Server', async () => {
    noNetwork();
    const port = await freePort();
    const env = startEnvironment(port, { WEBHOOK_SECRET: 'ghe-secret', GHE_HOST: 'github.example.com' });
    const started = await startServer(readSettings(env), { log: await createLogger({ level: 'silent', format: 'json' }), Octokit: QuickOctokit });
    try {
      const ghe = emptyPullRequest('https://github.example.com/api/v3');
      const body = JSON.stringify(examplePayload('pull_request', 'opened'));
      const response = await deliver(`http://127.0.0.1:${port}`, body, sign(body, 'ghe-secret'));
      expect(response.status).toBe(200);
      expect(ghe.pendingMocks()).toEqual([]);
      const ping = await fetch(`http://127.0.0.1:${port}/ping`);
      expect(await ping.text()).toBe('PONG');
    } finally {
      await started.stop();
      restoreNetwork();
    }
  });

  test('a delivery still being handled at SPECGATE_WEBHOOK_TIMEOUT_MS is answered 202, and its check run is still written', async () => {
    noNetwork();
    const port = await freePort();
    const env = startEnvironment(port, { WEBHOOK_SECRET: 'slow-secret', SPECGATE_WEBHOOK_TIMEOUT_MS: '50' });
    const started = await startServer(readSettings(env), { log: await createLogger({ level: 'silent', format: 'json' }), Octokit: QuickOctokit });
    // The token request is held until the answer has come: the handling cannot finish first, however fast the machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let checkRunWritten!: () => void;
    const written = new Promise<void>((resolve) => (checkRunWritten = resolve));
    try {
      emptyPullRequest('https://api.github.com', {
        token: async () => {
          await held;
          return [201, { token: 't' }];
        },
        checkRun: () => {
          checkRunWritten();
          return [201, { id: 1 }];
        },
      });
      const body = JSON.stringify(examplePayload('pull_request', 'opened'));
      const response = await deliver(`http://127.0.0.1:${port}`, body, sign(body, 'slow-secret'));
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('still processing\n');
      release();
      await written;
    } finally {
      release();
      await started.stop();
      restoreNetwork();
    }
  });
});
