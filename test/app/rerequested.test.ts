import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate } from '../../tools/dev/specgate-server.js';
import { exampleWebhook, pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, examplePayload, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const SUITE_INSTALLATION = 957387; // the installation in GitHub's check_suite example

/** PR #2 as a check payload lists it (GitHub's check_suite example has exactly that entry). */
function listedPull(number = 2): any {
  const [entry] = examplePayload('check_suite', 'rerequested').check_suite.pull_requests;
  return { ...entry, number, url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${number}` };
}

/** GitHub's check_run.rerequested example, moved to Codertocat/Hello-World and to PR #2's head. */
function checkRunRerequested(pullRequests: unknown[]): any {
  const payload = examplePayload('check_run', 'rerequested');
  payload.repository = pullRequestPayload('opened').repository;
  payload.check_run.head_sha = HEAD_SHA;
  payload.check_run.name = 'Spec completeness';
  payload.check_run.pull_requests = pullRequests;
  return payload;
}

function checkSuiteRerequested(pullRequests: unknown[]): any {
  const payload = examplePayload('check_suite', 'rerequested');
  payload.check_suite.head_sha = HEAD_SHA;
  payload.check_suite.pull_requests = pullRequests;
  return payload;
}

/** GitHub's side of a full check of a pull request that changes no spec. */
function fullCheck(github: FakeGitHub, pull = 2): FakeGitHub {
  return github.config(null).files([{ filename: 'src/index.ts' }], pull).createCheckRun().comments([], pull);
}

const app = appForEachTest();

describe('check_run.rerequested ("Re-run" on the check)', () => {
  test('for a commit the pull request has moved past, the current head is checked: the file list is the current one', async () => {
    const current = 'c'.repeat(40);
    const github = fullCheck(new FakeGitHub().token().pull(2, { headSha: current }));

    await deliver(app(), 'check_run', checkRunRerequested([listedPull()]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`).map((body) => body.head_sha)).toEqual([current]);
  });

  test('reads the pull request fresh, then checks it again for the re-run head SHA', async () => {
    const github = fullCheck(new FakeGitHub().token().pull(2, { headSha: HEAD_SHA }));

    await deliver(app(), 'check_run', checkRunRerequested([listedPull()]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([
      {
        name: 'Spec completeness',
        head_sha: HEAD_SHA,
        status: 'completed',
        conclusion: 'success',
        output: { title: 'No spec files changed', summary: 'No spec file was added or changed, so there was nothing to check.' },
      },
    ]);
  });

  test("from a fork: the payload lists no pull request and GitHub's commit lookup finds none; the open pull request whose head it is, on any page, is checked", async () => {
    // 150 open pull requests: the fork's is on the second page.
    const others = Array.from({ length: 149 }, (_, index) => ({ number: 200 + index, headSha: `${index}`.padStart(40, 'e') }));
    const github = new FakeGitHub()
      .token()
      .pullsForCommit(HEAD_SHA, [])
      .openPulls([...others.slice(0, 120), { number: 2, headSha: HEAD_SHA }, ...others.slice(120)])
      .pull(2, { headSha: HEAD_SHA });
    fullCheck(github);

    await deliver(app(), 'check_run', checkRunRerequested([]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([expect.objectContaining({ head_sha: HEAD_SHA, conclusion: 'success' })]);
  });
});

describe('check_suite.rerequested ("Re-run all checks")', () => {
  test('checks the listed pull request again for the suite\'s head SHA', async () => {
    const github = fullCheck(new FakeGitHub().token(SUITE_INSTALLATION).pull(2, { headSha: HEAD_SHA }));

    await deliver(app(), 'check_suite', checkSuiteRerequested([listedPull()]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([expect.objectContaining({ head_sha: HEAD_SHA, conclusion: 'success' })]);
  });

  test('checks every pull request the commit belongs to, not only the first', async () => {
    const github = new FakeGitHub().token(SUITE_INSTALLATION).pull(2, { headSha: HEAD_SHA });
    fullCheck(github, 2).pull(3, { headSha: HEAD_SHA });
    // Both are read and judged; the check run belongs to the commit, so the same result is posted once.
    github.config(null).files([{ filename: 'src/index.ts' }], 3).comments([], 3);

    await deliver(app(), 'check_suite', checkSuiteRerequested([listedPull(2), listedPull(3)]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toHaveLength(1);
  });

  test('found by commit among this repository\'s pull requests: only the open ones are checked', async () => {
    const github = new FakeGitHub()
      .token(SUITE_INSTALLATION)
      .pullsForCommit(HEAD_SHA, [
        { number: 1, state: 'closed' },
        { number: 2, state: 'open' },
      ])
      .pull(2, { headSha: HEAD_SHA });
    fullCheck(github);

    await deliver(app(), 'check_suite', checkSuiteRerequested([]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([expect.objectContaining({ head_sha: HEAD_SHA })]);
  });

  test('from a fork with no open pull request whose head it is: nothing is written', async () => {
    const github = new FakeGitHub().token(SUITE_INSTALLATION).pullsForCommit(HEAD_SHA, []).openPulls([{ number: 5, headSha: 'f'.repeat(40) }]);

    await deliver(app(), 'check_suite', checkSuiteRerequested([]));

    github.assertDone();
    expect(github.writes).toEqual([]);
  });
});

describe('"Re-run" on a fork\'s pull request, through the real server and the GitHub stand-in', () => {
  test('the check run is written again on the fork\'s head commit', async () => {
    const credentials = generateAppCredentials();
    const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const server = await startSpecgate({ github, credentials, logLevel: 'silent' });
    try {
      const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n' } });
      for (let number = 3; number < 6; number++) repo.openPullRequest({ number, files: { [`notes/${number}.md`]: 'x\n' } });
      const pull = repo.openPullRequest({ number: 2, user: 'contributor', fromFork: true, files: { 'docs/specs/audit-log-export.md': fixture('app/incomplete.md') } });
      const payload = exampleWebhook('check_run', 'rerequested');
      payload.repository = pullRequestEvent(repo, 2, 'opened').repository;
      Object.assign(payload.check_run, { head_sha: pull.headSha, name: 'Spec completeness', pull_requests: [] });

      expect((await server.deliver('check_run', payload)).status).toBe(200);

      expect(repo.checkRuns({ headSha: pull.headSha })).toEqual([expect.objectContaining({ conclusion: 'failure' })]);
      expect(github.log.filter('GET /repos/{owner}/{repo}/pulls')).not.toEqual([]);
      expect(github.unknownRequests).toEqual([]);
    } finally {
      await server.stop();
      await github.close();
    }
  });
});
