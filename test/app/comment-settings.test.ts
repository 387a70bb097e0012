import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');

/** A pull request that adds one spec whole (every line in the diff), under the configuration given. */
function addsSpec(config: string, spec: string): FakeGitHub {
  return new FakeGitHub()
    .token()
    .config(config)
    .files([{ filename: 'docs/specs/audit-log-export.md', sha: 'a1', patch: addedPatch(spec) }])
    .blob('a1', spec)
    .createCheckRun();
}

const app = appForEachTest();

describe('comment: never and review_comments: false', () => {
  test('a failing spec gets its check run and nothing else: no comment or review is read or written', async () => {
    const github = addsSpec('comment: never\nreview_comments: false\n', INCOMPLETE);

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    // Any call to issues/2/comments or pulls/2/comments or pulls/2/reviews would be unexpected.
    github.assertDone();
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
  });

  test('comment: never alone still posts the review', async () => {
    const github = addsSpec('comment: never\n', INCOMPLETE).reviewComments([]).createReview();
    await deliver(app(), 'pull_request', pullRequestPayload('opened'));
    github.assertDone();
    expect(github.writes.map((write) => write.path)).toEqual([`${REPO_PATH}/check-runs`, `${REPO_PATH}/pulls/2/reviews`]);
  });

  test('review_comments: false alone still posts the sticky comment', async () => {
    const github = addsSpec('review_comments: false\n', INCOMPLETE).comments([]).createComment();
    await deliver(app(), 'pull_request', pullRequestPayload('opened'));
    github.assertDone();
    expect(github.writes.map((write) => write.path)).toEqual([`${REPO_PATH}/check-runs`, `${REPO_PATH}/issues/2/comments`]);
  });
});

describe('comment: always', () => {
  test('a passing spec gets the ✅ comment too', async () => {
    const github = addsSpec('comment: always\n', COMPLETE).comments([]).createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/issues/2/comments`)).toEqual([
      {
        body: [
          ...stickyHeader(),
          '### ✅ Spec completeness: The spec is complete',
          '',
          'Every spec in this pull request has all the sections its template asks for.',
          '',
        ].join('\n'),
      },
    ]);
  });
});
