import { ProbotOctokit } from 'probot';
import { appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

/**
 * Probot's Octokit with its retry plugin on, as in production, minus the wait: @octokit/plugin-retry
 * retries any status >= 400 but 400, 401, 403, 404, 410, 422 and 451, three times, waiting
 * (retry number)² × `retryAfterBaseValue` ms, 1 s by default (1 s, 4 s, 9 s). Here 1 ms, 4 ms, 9 ms.
 * Throttling stays off: it spaces writes a second apart and is not what these tests are about.
 */
const RetryingOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { retryAfterBaseValue: 1 },
  throttle: { enabled: false },
}));

const ATTEMPTS = 4; // the request and its three retries

const app = appForEachTest(RetryingOctokit);

describe('GitHub answering 500', () => {
  test('once: the request is retried and the check completes as usual', async () => {
    const github = new FakeGitHub()
      .token()
      .config(null)
      .filesFailing(500, 1)
      .files([{ filename: 'src/index.ts' }])
      .createCheckRun()
      .comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([
      expect.objectContaining({
        conclusion: 'success',
        output: { title: 'No spec files changed', summary: 'No spec file was added or changed, so there was nothing to check.' },
      }),
    ]);
  });

  test('every time: after the retries the check run still completes, failing, so a required check never stays pending', async () => {
    const github = new FakeGitHub().token().config(null).filesFailing(500, ATTEMPTS).createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

    // Exactly four attempts: a fifth would be a request nothing answers.
    github.assertDone();
    expect(github.writes).toHaveLength(1);
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toEqual({
      name: 'Spec completeness',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: 'specgate could not finish the check',
        summary: [
          'The check stopped before it could judge the specs: GitHub answered 500 after retries.',
          '',
          'Nothing is wrong with the pull request itself as far as specgate knows. Use **Re-run** on this check, or push again, to retry.',
        ].join('\n'),
      },
    });
  });

  test('every time, with a renamed check: the failure is posted under the configured name, the one branch protection waits for', async () => {
    const github = new FakeGitHub().token().config('check_name: Specs\n').filesFailing(500, ATTEMPTS).createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([
      expect.objectContaining({ name: 'Specs', conclusion: 'failure', output: expect.objectContaining({ title: 'specgate could not finish the check' }) }),
    ]);
  });
});
