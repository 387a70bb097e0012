import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

// Every section written, each with ten TODO notes left in: 120 warnings, all on lines of the diff.
const DRAFT = fixture('app/todo-draft.md');
const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = 'docs/specs/workspace-search.md';

const app = appForEachTest();

describe('review comments stay few', () => {
  test('120 findings on lines of the diff give one review of 20 comments; the check run keeps them all', async () => {
    const github = new FakeGitHub()
      .token()
      .config('comment: never\nreview_comments: all\n')
      .files([{ filename: SPEC, sha: 'd120', patch: addedPatch(DRAFT) }])
      .blob('d120', DRAFT)
      .createCheckRun(41)
      .updateCheckRun(41)
      .updateCheckRun(41)
      .reviewComments([])
      .createReview();
    await deliver(app(), 'pull_request', pullRequestPayload('opened'));
    github.assertDone();
    const [review] = github.bodies(`${REPO_PATH}/pulls/2/reviews`);
    expect(review.comments).toHaveLength(20);
    expect(review.body).toBe('specgate found 20 problems on lines of this diff (and 100 more). The **Spec completeness** check lists them all.');
  });

  test('a run for an older push, whose comment it leaves alone, posts no line comments either', async () => {
    const newer = [...stickyHeader('f'.repeat(40), '2030-01-01T00:00:00Z'), '### ❌ newer run'].join('\n');
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: 'docs/specs/audit-log-export.md', sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([{ id: 31, body: newer }]);
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));
    github.assertDone();
    expect(github.writes.map((write) => write.path)).toEqual([`${REPO_PATH}/check-runs`]);
  });
});
