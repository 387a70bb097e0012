/**
 * Idempotent under GitHub's habits: the same delivery three times, and ten synchronize events for
 * five pushes in random order, end with one sticky comment describing the newest push and one line
 * comment per finding and line. The real server, over HTTP, against the stand-in.
 */
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { startSpecgate } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';

const SPEC = 'docs/specs/audit-log-export.md';
const INCOMPLETE = fixture('app/incomplete.md');

test('redeliveries and out-of-order pushes leave one comment for the newest push and no repeated line comment', async () => {
  const github = await GitHubStandIn.start();
  const app = await startSpecgate({ github, logLevel: 'silent' });
  try {
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });

    // The same delivery three times.
    const opened = pullRequestEvent(repo, 2, 'opened');
    for (let i = 0; i < 3; i++) await app.deliver('pull_request', opened, 'opened-delivery');
    expect(repo.checkRuns()).toHaveLength(1);
    expect(repo.issueComments(2)).toHaveLength(1);

    // Five pushes, each still incomplete; each synchronize event delivered twice, in a shuffled order.
    const events: Array<{ payload: Record<string, any>; id: string }> = [];
    for (let push = 1; push <= 5; push++) {
      repo.push(2, { [SPEC]: `${INCOMPLETE}\nRevision ${push}.\n` });
      const payload = pullRequestEvent(repo, 2, 'synchronize');
      events.push({ payload, id: `push-${push}-a` }, { payload, id: `push-${push}-b` });
    }
    const newest = events.at(-1)!.payload.pull_request.head.sha as string;
    const shuffled = events.map((event, index) => ({ event, key: (index * 7919) % 10 })).sort((a, b) => a.key - b.key).map(({ event }) => event);
    await Promise.all(shuffled.map(({ payload, id }) => app.deliver('pull_request', payload, id)));

    const comments = repo.issueComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- specgate:stamp head=${newest} `);
    const lines = repo.reviews(2).flatMap((review) => review.comments.map((comment) => `${comment.path}:${comment.line}:${/specgate:review (\S+)/.exec(comment.body)?.[1]}`));
    expect(new Set(lines).size).toBe(lines.length);
    expect(repo.checkRuns().every((run) => run.status === 'completed')).toBe(true);
  } finally {
    await app.stop();
    await github.close();
  }
});
