import type { Probot } from 'probot';
import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appUnderTest, FakeGitHub, noNetwork, pullRequestPayload, REPO_PATH, restoreNetwork } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

let app: Probot;
beforeEach(async () => {
  noNetwork();
  app = await appUnderTest();
});
afterEach(restoreNetwork);

describe('a pull request that adds an incomplete spec', () => {
  test('gets a failing check run, one sticky comment and one review of suggestions: each finding shown once on the diff', async () => {
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([
        { filename: 'docs/specs/audit-log-export.md', sha: 'a1', patch: addedPatch(INCOMPLETE) },
        { filename: 'src/export.ts', sha: 'a2' },
      ])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment()
      .createReview();

    await app.receive({ id: 'delivery-1', name: 'pull_request', payload: pullRequestPayload('opened', { changedFiles: 2 }) } as never);
    github.assertDone();

    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({
      name: 'Spec completeness',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'failure',
      output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' },
    });
    expect(checkRun.output.summary).toContain('| [docs/specs/audit-log-export.md](https://github.com/Codertocat/Hello-World/blob/' + HEAD + '/docs/specs/audit-log-export.md) | built-in | ❌ incomplete |');
    // The four findings no line comment carries are annotations; the three with a suggestion are line comments.
    expect(checkRun.output.annotations.map((annotation: { start_line: number }) => annotation.start_line)).toEqual([10, 13, 18, 23]);
    expect(checkRun.output.annotations[0]).toEqual({
      path: 'docs/specs/audit-log-export.md',
      start_line: 10,
      end_line: 10,
      annotation_level: 'failure',
      title: 'placeholder-section: Stakeholders',
      message: 'Section "Stakeholders" still holds only placeholders. Replace it with the real content.',
    });

    const [comment] = github.bodies(`${REPO_PATH}/issues/2/comments`);
    expect(comment.body).toContain('<!-- specgate:sticky -->');
    expect(comment.body).toContain(`<!-- specgate:stamp head=${HEAD} updated=`);
    expect(comment.body).toContain('### ❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning');
    expect(comment.body).toContain('**Missing:** Orchestration, Acceptance Criteria, Open Questions');

    const [review] = github.bodies(`${REPO_PATH}/pulls/2/reviews`);
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.comments.map((comment: { line: number }) => comment.line)).toEqual([25, 32, 36]);
    for (const comment of review.comments) expect(comment.body).toContain('```suggestion\n');
    const orchestration = review.comments.find((comment: { body: string }) => comment.body.includes('"Orchestration" is missing'));
    expect(orchestration).toMatchObject({ path: 'docs/specs/audit-log-export.md', line: 25, side: 'RIGHT' });
    expect(orchestration.body).toContain('```suggestion\n## Orchestration\n\n<!--\n- Workflows, jobs, or sequences required to deliver the feature.');
    expect(orchestration.body).toContain('-->\n\n## Security\n```');
    const nearMiss = review.comments.find((comment: { line: number }) => comment.line === 32);
    expect(nearMiss.body).toContain('```suggestion\n## Acceptance Criteria\n```');
  });
});

describe('each way of showing a finding can be turned on or off', () => {
  test('review_comments: all and annotations: true: every finding on the diff is a line comment, and the plain ones are annotations too', async () => {
    const github = new FakeGitHub()
      .token()
      .config('review_comments: all\n')
      .files([{ filename: 'docs/specs/audit-log-export.md', sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment()
      .createReview();

    await app.receive({ id: 'all', name: 'pull_request', payload: pullRequestPayload('opened') } as never);

    github.assertDone();
    const [review] = github.bodies(`${REPO_PATH}/pulls/2/reviews`);
    expect(review.comments.map((comment: { line: number }) => comment.line)).toEqual([10, 13, 18, 23, 25, 32, 36]);
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0].output.annotations.map((annotation: { start_line: number }) => annotation.start_line)).toEqual([10, 13, 18, 23]);
  });

  test('review_comments: never and annotations: false: the sticky comment and the check summary alone', async () => {
    const github = new FakeGitHub()
      .token()
      .config('review_comments: never\nannotations: false\n')
      .files([{ filename: 'docs/specs/audit-log-export.md', sha: 'a1', patch: addedPatch(INCOMPLETE) }])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await app.receive({ id: 'none', name: 'pull_request', payload: pullRequestPayload('opened') } as never);

    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'failure' });
    expect(checkRun.output.annotations).toBeUndefined();
    expect(checkRun.output.summary).toContain('missing-section: Orchestration, Acceptance Criteria, Open Questions');
    const [comment] = github.bodies(`${REPO_PATH}/issues/2/comments`);
    expect(comment.body).toContain('**Missing:** Orchestration, Acceptance Criteria, Open Questions');
    expect(comment.body).not.toContain('annotation');
  });
});

describe('a pull request that adds a complete spec', () => {
  test('passes quietly: a green check, no comment, no review', async () => {
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: 'docs/specs/api-rate-limits.md', sha: 'c1', patch: addedPatch(COMPLETE) }])
      .blob('c1', COMPLETE)
      .createCheckRun()
      .comments([]);

    await app.receive({ id: 'delivery-2', name: 'pull_request', payload: pullRequestPayload('opened') } as never);
    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'success', output: { title: 'The spec is complete' } });
    expect(checkRun.output.annotations).toBeUndefined();
    expect(github.writes).toHaveLength(1);
  });
});

describe('a pull request without spec files', () => {
  test('passes with "No spec files changed", so a required gate never waits', async () => {
    const github = new FakeGitHub().token().config(null).files([{ filename: 'src/index.ts' }]).createCheckRun().comments([]);
    await app.receive({ id: 'delivery-3', name: 'pull_request', payload: pullRequestPayload('synchronize') } as never);
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({
      conclusion: 'success',
      output: { title: 'No spec files changed', summary: 'No spec file was added or changed, so there was nothing to check.' },
    });
  });
});
