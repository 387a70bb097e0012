import { appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

/** GitHub's side of one check of a pull request that changes no spec. */
function oneCheck(github = new FakeGitHub().token()): FakeGitHub {
  return github.config(null).files([{ filename: 'src/index.ts' }]).createCheckRun().comments([]);
}

const app = appForEachTest();

describe('a webhook delivered twice with the same X-GitHub-Delivery id', () => {
  test('the second delivery makes no API call at all', async () => {
    const first = oneCheck();
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY);
    first.assertDone();
    expect(first.writes).toHaveLength(1);

    const second = new FakeGitHub(); // answers nothing: any call would be unexpected
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY);
    second.assertDone();
    expect(second.writes).toEqual([]);
  });

  test('a redelivery that arrives while the first is still running waits, then makes no call', async () => {
    const github = oneCheck();
    await Promise.all([
      deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY),
      deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY),
    ]);
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toHaveLength(1);
  });

  test('a delivery that GitHub\'s errors stopped is checked again when redelivered', async () => {
    // The file list is refused; the check run that says so is refused too, so the webhook fails.
    const failed = new FakeGitHub().token().config(null).filesFailing(502, 1);
    failed.scope.post(`${REPO_PATH}/check-runs`).reply(502, { message: 'Bad Gateway' });
    await expect(deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY)).rejects.toThrow();
    failed.assertDone();

    const again = oneCheck(new FakeGitHub());
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY);
    again.assertDone();
    expect(again.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success', output: { title: 'No spec files changed' } });
  });
});

describe('the same event under a new delivery id', () => {
  test('is a new event (a push of the same commit, a re-run): it is checked again, and writes only what changed', async () => {
    const github = oneCheck();
    // Read again; the same result for the same commit, and no comment to find, are remembered.
    github.config(null).files([{ filename: 'src/index.ts' }]);
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), DELIVERY);
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'a-new-delivery');
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toHaveLength(1);
  });
});
