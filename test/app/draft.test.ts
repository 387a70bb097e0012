import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = 'docs/specs/audit-log-export.md';

const app = appForEachTest();

describe('a draft pull request with an incomplete spec', () => {
  test('is neutral, titled "Draft: …", and gets no new comment: no sticky comment, no review', async () => {
    // Every line is in the diff, so a ready pull request would get review comments here.
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { draft: true }));

    github.assertDone();
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'Draft: 1 of 1 spec incomplete: 6 errors, 1 warning' } });
    expect(checkRun.output.annotations).toHaveLength(7);
    expect(checkRun.output.summary).toMatch(/\n\nThis is a draft: the check reports problems without failing until it is ready for review\.$/);
  });

  test('with `draft: enforce` it fails like any other pull request, and gets the comment', async () => {
    const github = new FakeGitHub()
      .token()
      .config('draft: enforce\nreview_comments: false\n')
      .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { draft: true }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
    expect(github.bodies(`${REPO_PATH}/issues/2/comments`)[0].body).toContain('### ❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning');
  });
});

describe('a draft that is marked ready for review', () => {
  test('is checked again and now fails', async () => {
    const github = new FakeGitHub()
      .token()
      .config('review_comments: false\n')
      .files([{ filename: SPEC, sha: 'a1' }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('ready_for_review'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
  });
});
