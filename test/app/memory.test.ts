import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');
const SPEC = 'docs/specs/audit-log-export.md';

const app = appForEachTest();

describe('what the app remembers between events', () => {
  test('a remembered comment someone deleted is looked for again and created anew', async () => {
    const first = new FakeGitHub()
      .token()
      .config('review_comments: false\n')
      .files([{ filename: SPEC, sha: 'a1' }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'first');
    first.assertDone();

    // A new push: the comment must change, but someone deleted it in between.
    const second = new FakeGitHub()
      .config('review_comments: false\n')
      .files([{ filename: SPEC, sha: 'a2' }])
      .blob('a2', `${INCOMPLETE}\nMore text.\n`)
      .createCheckRun();
    second.scope.patch(`${REPO_PATH}/issues/comments/99`).reply(404, { message: 'Not Found' });
    second.comments([]).createComment();
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { headSha: 'b'.repeat(40), updatedAt: '2030-01-01T00:00:00Z' }), 'second');
    second.assertDone();
    expect(second.bodies(`${REPO_PATH}/issues/2/comments`)).toHaveLength(1);
  });

  test('the same push again asks only for the configuration and the file list: no blob, no comment or review lookup, no write', async () => {
    const files = [{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }];
    const first = new FakeGitHub().token().config(null).files(files).blob('a1', INCOMPLETE).createCheckRun().comments([]).createComment().createReview();
    await deliver(app(), 'pull_request', pullRequestPayload('opened'), 'first');
    first.assertDone();

    const again = new FakeGitHub().config(null).files(files);
    await deliver(app(), 'pull_request', pullRequestPayload('reopened'), 'second');
    again.assertDone();
    expect(again.writes).toEqual([]);
  });

  test('after a problem check run, the same good result is posted again: the memory follows what GitHub shows', async () => {
    const passing = (github: FakeGitHub) => github.config(null).files([{ filename: SPEC, sha: 'c1' }]);
    const first = passing(new FakeGitHub().token()).blob('c1', COMPLETE).createCheckRun().comments([]);
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'first');
    first.assertDone();

    // GitHub fails the file list: the check says it could not finish.
    const broken = new FakeGitHub().config(null).createCheckRun();
    broken.scope.get(`${REPO_PATH}/pulls/2/files`).query(true).reply(500, { message: 'boom' });
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'second');
    broken.assertDone();
    expect(broken.bodies(`${REPO_PATH}/check-runs`)[0].output.title).toBe('specgate could not finish the check');

    // Working again: the passing result is written over the failure, not skipped as "already posted".
    const healed = passing(new FakeGitHub()).createCheckRun();
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'third');
    healed.assertDone();
    expect(healed.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success' });
  });
});
