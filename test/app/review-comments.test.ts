import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, appUnderTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = 'docs/specs/audit-log-export.md';
// The lines of incomplete.md that get a review comment; 25 is where "Orchestration" belongs.
const FINDING_LINES = [10, 13, 18, 23, 25, 32, 36];

/**
 * A push of incomplete.md, added whole, to a pull request whose failing sticky comment is there
 * already, written by an older specgate that kept no record of its line comments: the line
 * comments are listed when the event says there are some.
 */
function pushWithReviewComments(existing: Array<{ path: string; line: number; body: string }>, github = new FakeGitHub().token(), stickyBody = [...stickyHeader(), '### ❌ Spec completeness: an earlier run'].join('\n')): FakeGitHub {
  github
    // A line comment on every finding on the diff, not only the suggestions (the default).
    .config('review_comments: all\n')
    .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }])
    .blob('a1', INCOMPLETE)
    .createCheckRun()
    .comments([{ id: 302, body: stickyBody }]);
  if (!stickyBody.includes('specgate:reviewed')) github.updateComment(302);
  return existing.length > 0 ? github.reviewComments(existing) : github;
}

const pushed = (reviewComments: number) => pullRequestPayload('synchronize', { reviewComments });

const app = appForEachTest();

describe('review comments', () => {
  test('one already on the same path and line with the same hidden key is not posted again', async () => {
    const earlier = {
      path: SPEC,
      line: 25,
      body: '❌ **Orchestration**: Section "Orchestration" is missing. Add it before line 25.\n\n<!-- specgate:review missing-section:orchestration -->',
    };
    const github = pushWithReviewComments([earlier]).createReview();

    await deliver(app(), 'pull_request', pushed(1));

    github.assertDone();
    const [review] = github.bodies(`${REPO_PATH}/pulls/2/reviews`);
    expect(review.body).toBe('specgate found 6 problems on lines of this diff. The **Spec completeness** check lists them all.');
    expect(review.comments.map((comment: { line: number }) => comment.line)).toEqual(FINDING_LINES.filter((line) => line !== 25));
    expect(review.comments.some((comment: { body: string }) => comment.body.includes('missing-section:orchestration'))).toBe(false);
  });

  test('the same key on another line (the spec moved) is a new comment; another finding on the same line too', async () => {
    const moved = { path: SPEC, line: 21, body: 'old\n\n<!-- specgate:review missing-section:orchestration -->' };
    const otherFinding = { path: SPEC, line: 25, body: 'old\n\n<!-- specgate:review empty-section:orchestration -->' };
    const human = { path: SPEC, line: 25, body: 'Do we need this section at all?' };
    const github = pushWithReviewComments([moved, otherFinding, human]).createReview();

    await deliver(app(), 'pull_request', pushed(3));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/pulls/2/reviews`)[0].comments.map((comment: { line: number }) => comment.line)).toEqual(FINDING_LINES);
  });

  test('when every comment is already there, no review is created', async () => {
    const first = pushWithReviewComments([]).createReview();
    await deliver(app(), 'pull_request', pushed(0), 'first');
    first.assertDone();
    const posted = first.bodies(`${REPO_PATH}/pulls/2/reviews`)[0].comments.map(({ path, line, body }: { path: string; line: number; body: string }) => ({ path, line, body }));
    expect(posted).toHaveLength(FINDING_LINES.length);

    // Another process (a restart, or another replica) knows only what GitHub says.
    const again = pushWithReviewComments(posted);
    await deliver(await appUnderTest(), 'pull_request', pushed(posted.length), 'second');

    again.assertDone();
    expect(again.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`, `patch ${REPO_PATH}/issues/comments/302`]);
  });

  test('the sticky comment records the line comments it made: another process repeats none, and lists no review comments', async () => {
    const first = pushWithReviewComments([]).createReview();
    await deliver(app(), 'pull_request', pushed(0), 'first');
    first.assertDone();
    const [{ body: recorded }] = first.bodies(`${REPO_PATH}/issues/comments/302`);
    expect(recorded).toMatch(/<!-- specgate:reviewed [\w-]{12}(,[\w-]{12}){6} -->\n$/);

    // A restart: no memory, 7 line comments on the pull request, and the comment's record. No list of them is asked for.
    const again = pushWithReviewComments([], new FakeGitHub().token(), recorded);
    await deliver(await appUnderTest(), 'pull_request', pushed(FINDING_LINES.length), 'second');

    again.assertDone();
    expect(again.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
  });
});
