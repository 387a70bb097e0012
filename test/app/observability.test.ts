import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Probot } from 'probot';
import { installSpecgate } from '../../src/app/index.js';
import { localCoordination } from '../../src/app/coordination.js';
import { createMetrics, metricsHandler, type Metrics } from '../../src/app/observability.js';
import { fixture } from '../helpers/fixtures.js';
import { addedPatch, FakeGitHub, noNetwork, PRIVATE_KEY, pullRequestPayload, QuickOctokit, REPO_PATH, restoreNetwork, WEBHOOK_SECRET } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = 'docs/specs/audit-log-export.md';

/** An app whose every log line (at trace level, the most talkative) is kept for reading. */
function observedApp(): { app: Probot; lines: () => Array<Record<string, unknown>>; text: () => string; metrics: Metrics } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const app = new Probot({ appId: 123, privateKey: PRIVATE_KEY, secret: WEBHOOK_SECRET, Octokit: QuickOctokit, log: pino({ level: 'trace' }, stream) });
  const metrics = createMetrics();
  void app.load((probot) => void installSpecgate(probot, localCoordination(), metrics));
  const text = () => chunks.join('');
  return { app, metrics, text, lines: () => text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

beforeEach(noNetwork);
afterEach(restoreNetwork);

describe('logs and metrics', () => {
  test('each event logs one structured line: delivery, repo, pull request, head SHA, outcome, duration, API calls', async () => {
    const observed = observedApp();
    const github = new FakeGitHub()
      .token()
      .config('review_comments: false\n')
      .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();
    await observed.app.receive({ id: 'delivery-42', name: 'pull_request', payload: pullRequestPayload('opened') } as never);
    github.assertDone();
    const handled = observed.lines().find((line) => line.msg === 'specgate: event handled');
    expect(handled).toMatchObject({
      delivery: 'delivery-42',
      event: 'pull_request',
      repo: 'Codertocat/Hello-World',
      pull: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      outcome: 'failure',
      // The installation token, the configuration, the file list, the blob, the check run, the comment found and created.
      apiCalls: 7,
    });
    expect(typeof handled?.ms).toBe('number');

    const response = { status: 0, headers: {} as Record<string, string>, body: '' };
    const fakeResponse = {
      writeHead(status: number, headers: Record<string, string>) {
        Object.assign(response, { status, headers });
        return this;
      },
      end(body: string) {
        response.body = body;
      },
    };
    const served = await metricsHandler(observed.metrics)({ method: 'GET', url: '/metrics' } as never, fakeResponse as never);
    expect(served).toBe(true);
    expect(response.status).toBe(200);
    expect(response.body).toContain('specgate_deliveries_total{event="pull_request",outcome="failure"} 1');
    expect(response.body).toContain('specgate_findings_total{rule="missing-section"} 3');
    expect(response.body).toContain('specgate_github_requests_total{method="POST",status="201"}');
    expect(response.body).toMatch(/specgate_verdict_seconds_count\{event="pull_request"\} 1/);
    expect(await metricsHandler(observed.metrics)({ method: 'GET', url: '/elsewhere' } as never, fakeResponse as never)).toBe(false);
  });

  test('no token, private key or webhook secret ever reaches the logs, even when GitHub fails and errors are logged', async () => {
    const observed = observedApp();
    const github = new FakeGitHub().token().config(null).createCheckRun();
    github.scope.get(`${REPO_PATH}/pulls/2/files`).query(true).reply(500, { message: 'Server Error' });
    await observed.app.receive({ id: 'delivery-43', name: 'pull_request', payload: pullRequestPayload('opened') } as never);
    github.assertDone();
    const logs = observed.text();
    expect(logs).toContain('specgate: check failed');
    expect(logs).not.toContain('installation-token');
    expect(logs).not.toContain(WEBHOOK_SECRET);
    for (const line of PRIVATE_KEY.split('\n').filter((keyLine) => keyLine.length > 20 && !keyLine.startsWith('-----'))) {
      expect(logs).not.toContain(line);
    }
    expect(logs).not.toMatch(/BEGIN RSA PRIVATE KEY/);
  });
});

describe('the production server', () => {
  test('serves GET /metrics beside GET /ping, for Prometheus and the load balancer', async () => {
    const { GitHubStandIn } = await import('../../tools/dev/github-stand-in/index.js');
    const { startSpecgate } = await import('../../tools/dev/specgate-server.js');
    restoreNetwork();
    const github = await GitHubStandIn.start();
    const server = await startSpecgate({ github, logLevel: 'silent' });
    try {
      expect(await (await fetch(`${server.url}/ping`)).text()).toBe('PONG');
      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await metrics.text()).toContain('# TYPE specgate_deliveries_total counter');
    } finally {
      await server.stop();
      await github.close();
    }
  });
});
