/**
 * Missed deliveries: GitHub does not retry a webhook the app never answered. At start and then
 * every few minutes the app reads its recent deliveries (GET /app/hook/deliveries, as the app) and
 * asks GitHub to send again each event none of whose deliveries succeeded
 * (POST /app/hook/deliveries/{id}/attempts), bounded in age, pages and count; with Redis, one
 * replica at a time, and each event once.
 */
import { jest } from '@jest/globals';
import nock from 'nock';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { ProbotOctokit } from 'probot';
import { localCoordination, redisCoordination } from '../../src/app/coordination.js';
import { redeliverMissed, startSweeps, type AppHookClient } from '../../src/app/missed-deliveries.js';
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';
import { API, noNetwork, restoreNetwork } from '../helpers/github.js';
import { freePort, startRedis } from '../helpers/replicas.js';

const silent = pino({ level: 'silent' });
const NOW = Date.parse('2026-11-30T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function delivery(id: number, guid: string, statusCode: number, minutes: number) {
  return { id, guid, delivered_at: minutesAgo(minutes), redelivery: false, duration: 0.1, status: statusCode === 0 ? 'failed to connect' : `${statusCode}`, status_code: statusCode, event: 'pull_request', action: 'opened', installation_id: 1, repository_id: 1 };
}

/** An Octokit as `app.auth()` gives it (a JWT stands in for the app's own), with retries off. */
const appClient = () => new ProbotOctokit({ auth: { token: 'app-jwt' }, retry: { enabled: false }, throttle: { enabled: false } }) as unknown as AppHookClient;

describe('one sweep (nock)', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  test('asks again, once, for each recent event none of whose deliveries succeeded: the newest attempt of each', async () => {
    const github = nock(API)
      .get('/app/hook/deliveries')
      .query({ per_page: '100' })
      .reply(200, [
        delivery(16, 'redelivered-ok', 202, 5),
        delivery(15, 'lost', 502, 10),
        delivery(14, 'down', 0, 20),
        delivery(13, 'lost', 0, 30),
        delivery(12, 'redelivered-ok', 0, 40),
        delivery(11, 'too-old', 0, 4 * 60),
      ]);
    const asked: unknown[] = [];
    for (const id of [15, 14]) {
      github.post(`/app/hook/deliveries/${id}/attempts`).reply(202, (_uri, body) => {
        asked.push(id);
        return body ?? {};
      });
    }
    const coordination = localCoordination();

    const first = await redeliverMissed(appClient(), coordination, silent, NOW);

    expect(first).toEqual({ read: 5, redelivered: ['lost', 'down'] });
    expect(asked).toEqual([15, 14]);
    expect(github.pendingMocks()).toEqual([]);

    // The next sweep reads the same failures: each event was asked for already.
    nock(API).get('/app/hook/deliveries').query({ per_page: '100' }).reply(200, [delivery(15, 'lost', 502, 15), delivery(14, 'down', 0, 25)]);
    expect(await redeliverMissed(appClient(), coordination, silent, NOW)).toEqual({ read: 2, redelivered: [] });
  });

  test('bounded: at most maxRedeliveries a sweep, and at most maxPages pages read', async () => {
    const page = Array.from({ length: 100 }, (_, index) => delivery(1000 - index, `event-${index}`, 500, 1));
    nock(API)
      .get('/app/hook/deliveries')
      .query({ per_page: '100' })
      .reply(200, page, { link: `<${API}/app/hook/deliveries?per_page=100&cursor=next>; rel="next"` });
    for (const id of [1000, 999, 998]) nock(API).post(`/app/hook/deliveries/${id}/attempts`).reply(202, {});

    const result = await redeliverMissed(appClient(), localCoordination(), silent, NOW, { maxAgeMs: 3600_000, maxPages: 1, maxRedeliveries: 3 });

    expect(result.redelivered).toEqual(['event-0', 'event-1', 'event-2']);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('the schedule (fake timers)', () => {
  afterEach(() => jest.useRealTimers());

  test('a sweep at start, then one every interval, none after stop', async () => {
    jest.useFakeTimers();
    let sweeps = 0;
    const sweeper = startSweeps(async () => void sweeps++, { intervalMs: 5 * 60_000, coordination: localCoordination(), log: silent });
    await jest.advanceTimersByTimeAsync(0);
    expect(sweeps).toBe(1);
    await jest.advanceTimersByTimeAsync(5 * 60_000);
    expect(sweeps).toBe(2);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(sweeps).toBe(4);
    sweeper.stop();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(sweeps).toBe(4);
  });

  test('a failing sweep is logged and the next one still runs', async () => {
    jest.useFakeTimers();
    let sweeps = 0;
    const sweeper = startSweeps(
      async () => {
        sweeps++;
        throw new Error('GitHub is down');
      },
      { intervalMs: 60_000, coordination: localCoordination(), log: silent },
    );
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sweeps).toBe(2);
    sweeper.stop();
  });
});

describe('replicas sharing Redis', () => {
  test('one replica takes each interval\'s turn to sweep', async () => {
    const redis = await startRedis();
    const clients = [new Redis(redis.url), new Redis(redis.url)];
    try {
      const [a, b] = clients.map((client) => redisCoordination(client));
      expect([await a!.turn('redelivery sweep', 60_000), await b!.turn('redelivery sweep', 60_000)]).toEqual([true, false]);
      // The same event is asked for by one replica only.
      expect([await a!.claim('redeliver guid-1'), await b!.claim('redeliver guid-1')]).toEqual([true, false]);
    } finally {
      for (const client of clients) client.disconnect();
      redis.stop();
    }
  });
});

describe('a delivery lost while the app was down, through the real server and the GitHub stand-in', () => {
  test('the pull request gets its check at the app\'s start, without anyone pushing again', async () => {
    const credentials = generateAppCredentials();
    const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const port = await freePort();
    github.hook.target = { url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: credentials.webhookSecret };
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n' } });
    const pull = repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/audit-log-export.md': fixture('app/incomplete.md') } });
    // Nothing listens yet: GitHub records the delivery as failed, and would not try again.
    const lost = await github.hook.send('pull_request', pullRequestEvent(repo, 2, 'opened'));
    expect(lost.status_code).toBe(0);

    const redelivered = github.hook.nextDelivery();
    const app = await startSpecgate({ github, credentials, port, redeliverMinutes: 5, logLevel: 'silent' });
    try {
      const again = await redelivered;
      expect(again).toMatchObject({ guid: lost.guid, redelivery: true, status_code: 200 });
      expect(repo.checkRuns({ headSha: pull.headSha })).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
      expect(github.log.filter('GET /app/hook/deliveries')).toHaveLength(1);
      expect(github.unknownRequests).toEqual([]);
    } finally {
      await app.stop();
      await github.close();
    }
  });
});
