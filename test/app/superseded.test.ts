/**
 * A verdict belongs to its commit. GitHub's file list is the pull request's as it is now, so a late
 * `synchronize` for push A, read after push B, lists B's files. The check run on A must judge A's
 * own files (read with the compare API); the conversation stays with the newest head.
 */
import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');
const SPEC = 'docs/specs/audit-log-export.md';
const PUSH_A = 'a'.repeat(40);
const PUSH_B = 'b'.repeat(40);

describe('an event for a commit the pull request has moved past (nock)', () => {
  const app = appForEachTest();

  test("its check run judges that commit's own files, and nothing is said in the conversation", async () => {
    const event = pullRequestPayload('synchronize', { headSha: PUSH_A });
    const base = event.pull_request.base.sha;
    const github = new FakeGitHub()
      .token()
      .config(null)
      // Listed after push B: B's complete spec.
      .files([{ filename: SPEC, status: 'added', sha: 'b1' }], 2, PUSH_B)
      .compare(base, PUSH_A, [{ filename: SPEC, status: 'added', sha: 'a1' }])
      .pull(2, { headSha: PUSH_B })
      .blob('a1', INCOMPLETE)
      .createCheckRun();

    await deliver(app(), 'pull_request', event);

    github.assertDone();
    // One write: A's own failing verdict on A. No comment looked for or written, no review.
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: PUSH_A, conclusion: 'failure' });
  });

  test('a file list that lags behind the event (it names an older commit) is replaced by the commit\'s own files, and the head keeps its conversation', async () => {
    const event = pullRequestPayload('synchronize', { headSha: PUSH_B });
    const base = event.pull_request.base.sha;
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: SPEC, status: 'added', sha: 'a1' }], 2, PUSH_A)
      .compare(base, PUSH_B, [{ filename: SPEC, status: 'added', sha: 'b1' }])
      .pull(2, { headSha: PUSH_B })
      .blob('b1', COMPLETE)
      .createCheckRun()
      .comments([]);

    await deliver(app(), 'pull_request', event);

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: PUSH_B, conclusion: 'success' });
  });
});

describe('a late synchronize through the real server and the GitHub stand-in', () => {
  test("push A's event, arriving after push B's, posts A's failure on A; B keeps its success and the comment says all complete", async () => {
    const credentials = generateAppCredentials();
    const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const app = await startSpecgate({ github, credentials, logLevel: 'silent' });
    try {
      const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n' } });
      repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
      expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);

      const pushA = repo.push(2, { [SPEC]: `${INCOMPLETE}\nMore words.\n` });
      const eventA = pullRequestEvent(repo, 2, 'synchronize');
      const pushB = repo.push(2, { [SPEC]: COMPLETE });
      expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'synchronize'))).status).toBe(200);
      expect((await app.deliver('pull_request', eventA)).status).toBe(200);

      expect(repo.checkRuns({ headSha: pushA.headSha }).map((run) => run.conclusion)).toEqual(['failure']);
      expect(repo.checkRuns({ headSha: pushB.headSha }).map((run) => run.conclusion)).toEqual(['success']);
      const [comment] = repo.issueComments(2);
      expect(comment!.body).toContain('✅');
      expect(comment!.body).toContain(pushB.headSha);
      expect(github.unknownRequests).toEqual([]);
    } finally {
      await app.stop();
      await github.close();
    }
  });
});
