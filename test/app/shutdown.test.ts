/**
 * Graceful shutdown of `npm start`'s process (build/app/main.js, as the Docker image runs it): on
 * SIGTERM it stops accepting deliveries (`/ping` and webhooks answer 503), lets the delivery in
 * flight finish, then exits 0; past SPECGATE_SHUTDOWN_TIMEOUT_MS it gives that delivery's Redis
 * claim back, so a redelivery runs it again. The delivery is held in flight by the GitHub stand-in
 * (a request it answers only when told), so nothing here depends on timing.
 */
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials } from '../../tools/dev/specgate-server.js';
import { deliverWebhook, pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture, ROOT } from '../helpers/fixtures.js';
import { redisCli, startRedis, startReplica } from '../helpers/replicas.js';

const SPEC = 'docs/specs/audit-log-export.md';
const BLOBS = 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}';
const credentials = generateAppCredentials();

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Asks until the answer comes, a bounded number of times (a count, not a clock). */
async function pingUntil(url: string, status: number): Promise<number> {
  let last = 0;
  for (let attempt = 0; attempt < 200 && last !== status; attempt++) last = (await fetch(`${url}/ping`)).status;
  return last;
}

describe('SIGTERM', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n' } });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: fixture('app/incomplete.md') } });
  });
  afterEach(() => github.close());

  const env = (extra: Record<string, string> = {}) => ({
    APP_ID: String(credentials.appId),
    PRIVATE_KEY: credentials.privateKey,
    WEBHOOK_SECRET: credentials.webhookSecret,
    GHE_HOST: github.gheHost,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'warn',
    ...extra,
  });

  test('stops accepting deliveries, finishes the one in flight, then exits 0', async () => {
    const replica = await startReplica(env());
    const held = github.hold(BLOBS);
    const first = deliverWebhook(replica.url, credentials.webhookSecret, { name: 'pull_request', payload: pullRequestEvent(repo, 2, 'opened'), id: 'in-flight' });
    await held.arrived;

    replica.process.kill('SIGTERM');
    expect(await pingUntil(replica.url, 503)).toBe(503);
    const refused = await deliverWebhook(replica.url, credentials.webhookSecret, { name: 'pull_request', payload: pullRequestEvent(repo, 2, 'reopened'), id: 'too-late' });
    expect(refused.status).toBe(503);
    // The delivery in flight is not cut short: nothing is written yet, and the process waits for it.
    expect(repo.checkRuns()).toEqual([]);
    expect(replica.process.exitCode).toBeNull();

    held.release();
    expect((await first).status).toBe(200);
    expect(await exited(replica.process)).toBe(0);
    expect(repo.checkRuns()).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
    expect(repo.issueComments(2)).toHaveLength(1);
  });

  test('past SPECGATE_SHUTDOWN_TIMEOUT_MS, the unfinished delivery\'s Redis claim is given back and the process exits 0', async () => {
    const redis = await startRedis();
    try {
      const replica = await startReplica(env({ REDIS_URL: redis.url, SPECGATE_SHUTDOWN_TIMEOUT_MS: '300' }));
      const held = github.hold(BLOBS);
      const first = deliverWebhook(replica.url, credentials.webhookSecret, { name: 'pull_request', payload: pullRequestEvent(repo, 2, 'opened'), id: 'never-finishes' }).catch(() => undefined);
      await held.arrived;
      const claim = 'specgate:delivery:never-finishes Codertocat/Hello-World#2';
      expect(redisCli(redis.url, 'EXISTS', claim)).toBe('1');

      replica.process.kill('SIGTERM');

      expect(await exited(replica.process)).toBe(0);
      await first;
      // Given back: GitHub's redelivery of the same id (or the next sweep) checks the pull request after all.
      expect(redisCli(redis.url, 'EXISTS', claim)).toBe('0');
      expect(repo.checkRuns()).toEqual([]);
    } finally {
      redis.stop();
    }
  });
});

describe('the Docker image', () => {
  const dockerfile = readFileSync(`${ROOT}/Dockerfile`, 'utf8');

  test('runs node directly, so SIGTERM reaches the app (npm as PID 1 does not forward it)', () => {
    expect(dockerfile).toMatch(/^CMD \["node", "build\/app\/main\.js"\]$/m);
    expect(dockerfile).not.toMatch(/^CMD \["npm"/m);
  });

  test('its HEALTHCHECK asks /ping, which answers 503 while the app drains', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK[\s\S]*\/ping/m);
  });
});
