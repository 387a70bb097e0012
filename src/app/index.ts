import type { ApplicationFunctionOptions, Context, Logger, Probot, ProbotOctokit } from 'probot';
import { redeliverMissed, startSweeps, type AppHookClient } from './missed-deliveries.js';
import { checkPullRequest, type CheckRequest } from './check-pull-request.js';
import { checkMergeGroup } from './check-merge-group.js';
import { handleCommentCommand, type Serialize } from './commands/index.js';
import { coordinationFromEnvironment, type Coordination } from './coordination.js';
import type { RepoClient } from './github/repo.js';
import { createMemory, pullKey } from './memory.js';
import { CheckPool } from '../pipeline/check-pool.js';
import { InFlight, type Drained } from './in-flight.js';
import { countRequests, createMetrics, metricsHandler, type Metrics } from './observability.js';
import { withRequestTimeout } from './github/timeouts.js';
import { pullRequestRef, type PullRequestRef } from './pull-request.js';

const PULL_REQUEST_EVENTS: Array<
  | 'pull_request.opened'
  | 'pull_request.reopened'
  | 'pull_request.synchronize'
  | 'pull_request.ready_for_review'
  | 'pull_request.edited'
  | 'pull_request.labeled'
  | 'pull_request.unlabeled'
> = [
  'pull_request.opened',
  'pull_request.reopened',
  'pull_request.synchronize',
  'pull_request.ready_for_review',
  'pull_request.edited',
  'pull_request.labeled',
  'pull_request.unlabeled',
];

/**
 * The specgate GitHub App: wires events to the check; everything else lives in its own module.
 * With REDIS_URL, replicas behind one webhook URL share delivery claims and pull request locks.
 */
/** What the server that loads the app may ask of it; filled in by the app when it is loaded. */
export interface SpecgateHooks {
  /** Set by the server: how often to sweep for missed deliveries (0 or unset: never). */
  sweepIntervalMs?: number;
  /** Waits for the deliveries in flight at most `timeoutMs`, gives back the claims of those still running, and closes Redis. */
  drain?: (timeoutMs: number) => Promise<Drained>;
}

/**
 * The specgate GitHub App: wires events to the check; everything else lives in its own module.
 * With REDIS_URL, replicas behind one webhook URL share delivery claims and pull request locks.
 */
export default async function specgateApp(app: Probot, options?: Partial<ApplicationFunctionOptions> & { hooks?: SpecgateHooks }): Promise<void> {
  const metrics = createMetrics();
  // Under Probot's server (`npm start`), GET /metrics serves Prometheus; GET /ping is Probot's own.
  // Loaded without a server (tests, createNodeMiddleware), Probot refuses handlers: no endpoint then.
  try {
    options?.addHandler?.(metricsHandler(metrics));
  } catch {
    app.log.debug('specgate: no HTTP server, so no /metrics endpoint');
  }
  const coordination = coordinationFromEnvironment();
  const inFlight = installSpecgate(app, coordination, metrics);
  const hooks = options?.hooks;
  if (hooks) {
    const sweeper = hooks.sweepIntervalMs ? startSweeps(redeliverer(await app.auth(), coordination, app.log), { intervalMs: hooks.sweepIntervalMs, coordination, log: app.log }) : undefined;
    hooks.drain = async (timeoutMs) => {
      sweeper?.stop();
      const drained = await inFlight.drain(timeoutMs);
      await coordination.close();
      return drained;
    };
  }
}

export function installSpecgate(app: Probot, coordination: Coordination, metrics: Metrics = createMetrics()): InFlight {
  // What one process remembers of GitHub (the last check run, the comment) holds only if it sees every event.
  const memory = createMemory({ rememberGitHub: coordination.alone });
  const pool = new CheckPool();
  const inFlight = new InFlight(coordination);

  const run = async (context: Context, request: Omit<CheckRequest, 'log'>): Promise<void> => {
    const key = pullKey(request.client, request.pull.number);
    // GitHub redelivers with the same X-GitHub-Delivery id. Keyed by delivery and pull request:
    // one check-suite re-run delivery checks several pull requests.
    const delivery = `${context.id} ${key}`;
    const started = Date.now();
    withRequestTimeout(request.client.octokit);
    const requests = countRequests(request.client.octokit, metrics);
    const callsBefore = requests.calls;
    // Claimed inside the lock, so a redelivery that arrives while the first is running waits and then skips.
    // A run that GitHub's errors stopped may succeed when redelivered: its claim is given back.
    const outcome = await coordination.serialize(key, () =>
      inFlight.claimed(delivery, () => checkPullRequest({ ...request, log: context.log, memory, metrics, pool }), (result) => result === 'error'),
    );
    const ms = Date.now() - started;
    metrics.deliveries.inc({ event: context.name, outcome });
    if (outcome !== 'duplicate' && outcome !== 'ignored') metrics.verdictSeconds.observe({ event: context.name }, ms / 1000);
    context.log.info(
      { delivery: context.id, event: context.name, repo: `${request.client.owner}/${request.client.repo}`, pull: request.pull.number, headSha: request.pull.headSha, outcome, ms, apiCalls: requests.calls - callsBefore },
      'specgate: event handled',
    );
  };

  app.on(PULL_REQUEST_EVENTS, async (context) => {
    const { payload } = context;
    const request: Omit<CheckRequest, 'log'> = { client: clientFor(context), pull: pullRequestRef(payload.pull_request) };
    if (payload.action === 'labeled' || payload.action === 'unlabeled') {
      request.labelEvent = { label: payload.label?.name ?? '', login: payload.sender.login, added: payload.action === 'labeled' };
    }
    await inFlight.track(run(context, request));
  });

  app.on('issue_comment.created', async (context) => {
    withRequestTimeout(context.octokit);
    const serialize: Serialize = (client, pullNumber, work) => coordination.serialize(pullKey(client, pullNumber), work);
    await inFlight.track(inFlight.claimed(`${context.id} comment`, () => handleCommentCommand(context, serialize, memory)));
  });

  // A merge queue waits for the required check on the merge group's head commit.
  app.on('merge_group.checks_requested', async (context) => {
    const { merge_group: group, repository } = context.payload;
    const client = clientFor(context);
    withRequestTimeout(client.octokit);
    const request = { client, group: { headSha: group.head_sha, baseSha: group.base_sha, repositoryUrl: repository?.html_url ?? `https://github.com/${client.owner}/${client.repo}` }, log: context.log, memory, pool };
    const outcome = await inFlight.track(inFlight.claimed(`${context.id} merge-group`, () => checkMergeGroup(request), (result) => result === 'error'));
    metrics.deliveries.inc({ event: context.name, outcome });
  });

  app.on('check_run.rerequested', async (context) => {
    await inFlight.track(rerun(context, context.payload.check_run.head_sha, context.payload.check_run.pull_requests.map((pull) => pull.number)));
  });

  app.on('check_suite.rerequested', async (context) => {
    await inFlight.track(rerun(context, context.payload.check_suite.head_sha, context.payload.check_suite.pull_requests.map((pull) => pull.number)));
  });

  /** A re-run names a commit; the pull requests it belongs to are read fresh. */
  async function rerun(context: Context<'check_run' | 'check_suite'>, headSha: string, numbers: number[]): Promise<void> {
    const client = clientFor(context);
    // Pull requests from forks are not listed in check payloads: find them by commit.
    const pullNumbers = numbers.length > 0 ? numbers : await pullsForCommit(client, headSha);
    for (const number of pullNumbers) {
      const { data } = await client.octokit.rest.pulls.get({ owner: client.owner, repo: client.repo, pull_number: number });
      // The file list GitHub gives is the pull request's as it is now, so the check is for its
      // current head; a re-run asked for an older commit checks what would be merged instead.
      const pull: PullRequestRef = pullRequestRef(data);
      if (pull.headSha !== headSha) context.log.info({ requested: headSha, head: pull.headSha }, 'specgate: re-run for an older commit checks the current head');
      await run(context, { client, pull });
    }
  }
  return inFlight;
}

/** One sweep for missed deliveries, as the app (its JWT), not an installation. */
function redeliverer(appOctokit: ProbotOctokit, coordination: Coordination, log: Logger): () => Promise<unknown> {
  return () => redeliverMissed(appOctokit as unknown as AppHookClient, coordination, log, Date.now());
}

function clientFor(context: Context): RepoClient {
  const { owner, repo } = context.repo();
  return { octokit: context.octokit, owner, repo };
}

/**
 * The open pull requests whose head is this commit. GitHub's commit-to-pull-request lookup knows
 * only commits of this repository, and a check payload lists no pull request from a fork, so a
 * fork's commit is found among the open pull requests' heads (100 a page, every page).
 */
async function pullsForCommit(client: RepoClient, sha: string): Promise<number[]> {
  const { owner, repo, octokit } = client;
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
  const associated = data.filter((pull) => pull.state === 'open').map((pull) => pull.number);
  if (associated.length > 0) return associated;
  const open = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
  return open.filter((pull) => pull.head.sha === sha).map((pull) => pull.number);
}
