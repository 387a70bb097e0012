import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import { Octokit } from '@octokit/rest';
import { createLogger } from '../../src/app/logger.js';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { readSettings } from '../../src/app/settings.js';
import { noNetwork, PRIVATE_KEY, pullRequestPayload, QuickOctokit, restoreNetwork } from '../helpers/github.js';

const SECRET = 'the-apps-own-secret';
const PAYLOAD_MARKER = 'payload-text-that-must-not-be-logged';

/** A logger at trace level, the most talkative, whose lines are kept for reading. */
async function capturedLogger() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = await createLogger({ level: 'trace', format: 'json', destination });
  const text = () => chunks.join('');
  return { log, text, lines: () => text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string }) };
}

const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('a rejected delivery: 400, one warning line, nothing of the payload', () => {
  let server: RunningServer;
  let logs: Awaited<ReturnType<typeof capturedLogger>>;
  const body = JSON.stringify({ ...pullRequestPayload('opened'), marker: PAYLOAD_MARKER });

  beforeAll(async () => {
    logs = await capturedLogger();
    // No sweep for missed deliveries: this server's log is about the gate alone.
    const settings = readSettings({ APP_ID: '123', PRIVATE_KEY, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: '1', SPECGATE_REDELIVER_MINUTES: '0' });
    server = await startServer({ ...settings, port: 0 }, { log: logs.log, Octokit: QuickOctokit });
  });
  afterAll(() => server.stop());
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  test.each([
    ['signed with another secret', sign(body, 'not-the-secret'), 'application/json', 400, 'signature does not match'],
    ["signed with Probot's public default secret", sign(body, 'development'), 'application/json', 400, 'signature does not match'],
    ['not signed at all', undefined, 'application/json', 400, 'missing x-hub-signature-256'],
    ['not JSON', sign(body, SECRET), 'text/plain', 415, 'content type'],
  ])('%s', async (_, signature, contentType, status, reason) => {
    const before = logs.lines().length;
    const headers: Record<string, string> = { 'content-type': contentType, 'x-github-event': 'pull_request', 'x-github-delivery': 'forged-42' };
    if (signature) headers['x-hub-signature-256'] = signature;
    const response = await fetch(`${server.url}/api/github/webhooks`, { method: 'POST', headers, body });
    expect(response.status).toBe(status);
    const added = logs.lines().slice(before).filter((line) => !/listening/.test(line.msg));
    expect(added).toHaveLength(1);
    expect(added[0]!.level).toBe(40);
    expect(added[0]!.msg).toContain('forged-42');
    expect(added[0]!.msg).toContain('pull_request');
    expect(added[0]!.msg).toContain(reason);
    expect(logs.text()).not.toContain(PAYLOAD_MARKER);
    expect(logs.text()).not.toMatch(/\n\s+at /);
  });

  test('/ping answers healthy while the server accepts deliveries', async () => {
    const ping = await fetch(`${server.url}/ping`);
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('PONG');
  });
});

describe('error logs carry no request or response bodies', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  test("GitHub's answer to a failed write is logged as its status and request line only", async () => {
    const logs = await capturedLogger();
    nock('https://api.github.com').post('/repos/o/r/check-runs').reply(422, { message: 'Validation Failed', echoed: 'response-body-marker' });
    const octokit = new Octokit({ auth: 'ghs_token-that-must-not-be-logged', log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
    const error = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', name: 'x', head_sha: 'a', output: { title: 't', summary: 'request-body-marker' } }).catch((caught: unknown) => caught);
    logs.log.error({ err: error }, 'write failed');
    const [line] = logs.lines() as unknown as Array<{ err: { status: number; request: { method: string; url: string } } }>;
    expect(line!.err).toMatchObject({ status: 422, request: { method: 'POST', url: 'https://api.github.com/repos/o/r/check-runs' } });
    for (const secret of ['request-body-marker', 'response-body-marker', 'ghs_token-that-must-not-be-logged']) expect(logs.text()).not.toContain(secret);
  });
});
