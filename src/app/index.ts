import { LRUCache } from 'lru-cache';
import type { Context, Probot } from 'probot';
import { checkPullRequest, type CheckRequest } from './check-pull-request.js';
import { handleCommentCommand } from './commands/index.js';
import type { RepoClient } from './github/repo.js';
import { KeyedQueue } from './locks.js';
import { createMemory } from './memory.js';
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

/** The specgate GitHub App: wires events to the check; everything else lives in its own module. */
export default function specgateApp(app: Probot): void {
  const queue = new KeyedQueue();
  const memory = createMemory();
  // GitHub redelivers with the same X-GitHub-Delivery id: one that already finished is done.
  // Keyed by delivery and pull request: one check-suite re-run delivery checks several pull requests.
  const finished = new LRUCache<string, true>({ max: 10_000 });

  const run = async (context: Context, request: Omit<CheckRequest, 'log'>): Promise<void> => {
    const key = `${request.client.owner}/${request.client.repo}#${request.pull.number}`;
    const done = `${context.id} ${key}`;
    const started = Date.now();
    // Checked inside the queue, so a redelivery that arrives while the first is running waits and then skips.
    const outcome = await queue.run(key, async () => {
      if (finished.has(done)) return 'duplicate';
      const result = await checkPullRequest({ ...request, log: context.log, memory });
      // A run that GitHub's errors stopped may succeed when redelivered; anything else is done.
      if (result !== 'error') finished.set(done, true);
      return result;
    });
    context.log.info({ delivery: context.id, event: context.name, pull: key, headSha: request.pull.headSha, outcome, ms: Date.now() - started }, 'specgate: event handled');
  };

  app.on(PULL_REQUEST_EVENTS, async (context) => {
    const { payload } = context;
    const request: Omit<CheckRequest, 'log'> = { client: clientFor(context), pull: pullRequestRef(payload.pull_request) };
    if (payload.action === 'labeled' || payload.action === 'unlabeled') {
      request.labelEvent = { label: payload.label?.name ?? '', login: payload.sender.login, added: payload.action === 'labeled' };
    }
    await run(context, request);
  });

  app.on('issue_comment.created', (context) =>
    handleCommentCommand(context, (client, pullNumber, work) => queue.run(`${client.owner}/${client.repo}#${pullNumber}`, work), memory),
  );

  app.on('check_run.rerequested', async (context) => {
    await rerun(context, context.payload.check_run.head_sha, context.payload.check_run.pull_requests.map((pull) => pull.number));
  });

  app.on('check_suite.rerequested', async (context) => {
    await rerun(context, context.payload.check_suite.head_sha, context.payload.check_suite.pull_requests.map((pull) => pull.number));
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
}

function clientFor(context: Context): RepoClient {
  const { owner, repo } = context.repo();
  return { octokit: context.octokit, owner, repo };
}

async function pullsForCommit(client: RepoClient, sha: string): Promise<number[]> {
  const { data } = await client.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: client.owner, repo: client.repo, commit_sha: sha });
  return data.filter((pull) => pull.state === 'open').map((pull) => pull.number);
}
