/**
 * Several real app processes behind one webhook URL, sharing a real Redis: a delivery is handled
 * once, work on one pull request is serialised, and a crashed lock holder blocks nobody for long.
 */
import { GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials } from '../../tools/dev/specgate-server.js';
import { deliverWebhook, pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';
import { oneLineError, redisCli, redisServerMissing, startRedis, startReplica, untilHandled } from '../helpers/replicas.js';

const SPEC = 'docs/specs/audit-log-export.md';
const INCOMPLETE = fixture('app/incomplete.md');
const credentials = generateAppCredentials();

const redisMissing = redisServerMissing();
if (redisMissing !== undefined) {
  test('redis-server is installed', () => {
    throw oneLineError(redisMissing);
  });
} else {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let github: GitHubStandIn;
  let replicas: Array<Awaited<ReturnType<typeof startReplica>>>;

  beforeAll(async () => {
    redis = await startRedis();
    github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const env = {
      APP_ID: String(credentials.appId),
      PRIVATE_KEY: credentials.privateKey,
      WEBHOOK_SECRET: credentials.webhookSecret,
      GHE_HOST: github.gheHost,
      GHE_PROTOCOL: 'http',
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
    };
    replicas = await Promise.all([startReplica(env), startReplica(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.stop()));
    await github?.close();
    redis?.stop();
  });

  let repoCount = 0;
  function freshRepo(): RepoHandle {
    repoCount += 1;
    const repo = github.addRepo({ owner: 'Codertocat', name: `Hello-World-${repoCount}`, defaultBranch: 'master' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    return repo;
  }

  function eventFor(repo: RepoHandle, action: string): Record<string, any> {
    const payload = pullRequestEvent(repo, 2, action);
    payload.repository = { ...payload.repository, name: repo.name, full_name: `Codertocat/${repo.name}` };
    return payload;
  }

  let sent = 0;
  const send = async (replica: number, payload: unknown, id: string) => {
    const { status } = await deliverWebhook(replicas[replica]!.url, credentials.webhookSecret, { name: 'pull_request', payload, id });
    sent += 1;
    // 200 when the app finished within Probot's 9 s, 202 when it goes on after: both are GitHub's "accepted".
    return { ok: status === 200 || status === 202 };
  };
  /** Waits until the replicas have finished every delivery sent so far, whatever they answered. */
  const allHandled = () => untilHandled(replicas.map((replica) => replica.url), sent);

  describe('two replicas sharing Redis', () => {
    test('the same delivery sent to both is handled once: one check run, one comment, one review', async () => {
      const repo = freshRepo();
      const payload = eventFor(repo, 'opened');
      const answers = await Promise.all([send(0, payload, 'same-delivery'), send(1, payload, 'same-delivery')]);
      expect(answers.map((answer) => answer.ok)).toEqual([true, true]);
      await allHandled();
      expect(repo.checkRuns()).toHaveLength(1);
      expect(repo.issueComments(2)).toHaveLength(1);
      expect(repo.reviews(2)).toHaveLength(1);
    });

    test('different deliveries for one pull request at once are serialised: never a second comment', async () => {
      const repo = freshRepo();
      const payload = eventFor(repo, 'synchronize');
      await Promise.all([0, 1, 0, 1].map((replica, index) => send(replica, payload, `burst-${index}`)));
      await allHandled();
      expect(repo.issueComments(2)).toHaveLength(1);
      expect(repo.checkRuns().every((run) => run.status === 'completed')).toBe(true);
    });

    test('a lock left by a crashed replica expires, and the next delivery goes through', async () => {
      const repo = freshRepo();
      // A holder that died mid-check: its lock outlives it only until the expiry.
      redisCli(redis.url, 'SET', `specgate:lock:Codertocat/${repo.name}#2`, 'crashed-replica', 'PX', '1500');
      expect((await send(0, eventFor(repo, 'opened'), 'after-crash')).ok).toBe(true);
      await allHandled();
      expect(repo.checkRuns()).toHaveLength(1);
    });

    test("GitHub's write spacing is kept per installation, so one installation never queues behind another's writes", async () => {
      const repo = freshRepo();
      const payload = { ...eventFor(repo, 'opened'), installation: { id: 4242, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' } };
      expect((await send(0, payload, 'installation-4242')).ok).toBe(true);
      await allHandled();
      expect(repo.checkRuns()).toHaveLength(1);
      // Probot's throttling keeps its queues in Redis under each limiter's id: the installation's,
      // not Probot's shared "no-id" that its event clients carry.
      const queues = redisCli(redis.url, 'KEYS', 'b_octokit-*').split('\n').filter(Boolean);
      expect(queues).toEqual(expect.arrayContaining([expect.stringMatching(/^b_octokit-write-4242_/), expect.stringMatching(/^b_octokit-global-4242_/)]));
      expect(queues.filter((key) => key.includes('no-id'))).toEqual([]);
    });
  });
}
