import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, appUnderTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = 'docs/specs/audit-log-export.md';
// The lines of incomplete.md that get a review comment; 25 is where "Orchestration" belongs.
const FINDING_LINES = [10, 13, 18, 23, 25, 32, 36];

/** A push of incomplete.md, added whole, to a pull request whose failing sticky comment is there already. */
function pushWithReviewComments(existing: Array<{ path: string; line: number; body: string }>, github = new FakeGitHub().token()): FakeGitHub {
  const sticky = { id: 302, body: [...stickyHeader(), '### ❌ Spec completeness: an earlier run'].join('\n') };
  return github
    .config(null)
    .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }])
    .blob('a1', INCOMPLETE)
    .createCheckRun()
    .comments([sticky])
    .updateComment(302)
    .reviewComments(existing);
}

const app = appForEachTest();

describe('review comments', () => {
  test('one already on the same path and line with the same hidden key is not posted again', async () => {
    const earlier = {
      path: SPEC,
      line: 25,
      body: '❌ **Orchestration**: Section "Orchestration" is missing. Add it before line 25.\n\n<!-- specgate:review missing-section:orchestration -->',
    };
    const github = pushWithReviewComments([earlier]).createReview();

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

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

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/pulls/2/reviews`)[0].comments.map((comment: { line: number }) => comment.line)).toEqual(FINDING_LINES);
  });

  test('when every comment is already there, no review is created', async () => {
    const first = pushWithReviewComments([]).createReview();
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'), 'first');
    first.assertDone();
    const posted = first.bodies(`${REPO_PATH}/pulls/2/reviews`)[0].comments.map(({ path, line, body }: { path: string; line: number; body: string }) => ({ path, line, body }));
    expect(posted).toHaveLength(FINDING_LINES.length);

    // Another process (a restart, or another replica) knows only what GitHub says.
    const again = pushWithReviewComments(posted);
    await deliver(await appUnderTest(), 'pull_request', pullRequestPayload('synchronize'), 'second');

    again.assertDone();
    expect(again.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`, `patch ${REPO_PATH}/issues/comments/302`]);
  });
});
