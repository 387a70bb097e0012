import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const SKIP = 'spec-check: skip';
const INCOMPLETE = fixture('app/incomplete.md');
const SPEC = { filename: 'docs/specs/audit-log-export.md', status: 'modified', sha: 'a1' };

/** GitHub's example label event for PR #2, for the label named, with the pull request's labels after it. */
function labelEvent(action: 'labeled' | 'unlabeled', label: string, labels: string[]): any {
  const payload = pullRequestPayload(action, { labels });
  payload.label = { ...payload.label, name: label };
  return payload;
}

function skippedCheck(by: string): unknown {
  return {
    name: 'Spec completeness',
    head_sha: HEAD_SHA,
    status: 'completed',
    conclusion: 'success',
    output: {
      title: `Skipped by label "${SKIP}"`,
      summary: `The label \`${SKIP}\` was added by @${by}, so specs were not checked. Remove the label to check them again.`,
    },
  };
}

const app = appForEachTest();

describe('the skip label', () => {
  test('added: the check passes as skipped, naming the sender who added it, and no spec is read', async () => {
    const github = new FakeGitHub().token().config(null).files([SPEC]).createCheckRun().comments([]);

    await deliver(app(), 'pull_request', labelEvent('labeled', SKIP, ['bug', SKIP]));

    github.assertDone();
    expect(github.writes).toHaveLength(1);
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([skippedCheck('Codertocat')]);
  });

  test('present on a push: who added it is read from the pull request\'s events (the last time it was added)', async () => {
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([SPEC])
      .issueEvents([
        { event: 'labeled', label: SKIP, actor: 'hubot' },
        { event: 'unlabeled', label: SKIP, actor: 'Codertocat' },
        { event: 'labeled', label: 'bug', actor: 'octocat' },
        { event: 'labeled', label: SKIP, actor: 'monalisa' },
      ])
      .createCheckRun()
      .comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { labels: [SKIP] }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([skippedCheck('monalisa')]);
  });

  test('present, but GitHub\'s events do not say who added it: the check names nobody rather than a wrong account', async () => {
    const github = new FakeGitHub().token().config(null).files([SPEC]).issueEvents([]).createCheckRun().comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { labels: [SKIP] }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0].output.summary).toBe(
      `The label \`${SKIP}\` was added, so specs were not checked. Remove the label to check them again.`,
    );
  });

  test('added to a pull request that has the failing comment: the comment says the check was skipped, not that specs are complete', async () => {
    const failing = { id: 302, body: [...stickyHeader(), '### ❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning', ''].join('\n') };
    const github = new FakeGitHub().token().config(null).files([SPEC]).createCheckRun().comments([failing]).updateComment(302);

    await deliver(app(), 'pull_request', labelEvent('labeled', SKIP, [SKIP]));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/issues/comments/302`)).toEqual([
      {
        body: [
          ...stickyHeader(HEAD_SHA, '2019-05-15T15:20:35Z'), // the labeled event's updated_at
          `### ⏭️ Spec completeness: Skipped by label "${SKIP}"`,
          '',
          // Named without an @: a mention in a comment would notify them.
          `The label \`${SKIP}\` was added by Codertocat, so specs were not checked. Remove the label to check them again.`,
          '',
        ].join('\n'),
      },
    ]);
  });

  test('removed: the specs are checked again', async () => {
    const github = new FakeGitHub()
      .token()
      .config('review_comments: false\n')
      .files([SPEC])
      .blob('a1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', labelEvent('unlabeled', SKIP, ['bug']));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
  });
});

describe('any other label', () => {
  test('added or removed: nothing is written (the outcome is "ignored")', async () => {
    const github = new FakeGitHub().token().config(null).files([SPEC]).config(null).files([SPEC]);

    await deliver(app(), 'pull_request', labelEvent('labeled', 'enhancement', ['bug', 'enhancement']), 'labeled');
    await deliver(app(), 'pull_request', labelEvent('unlabeled', 'bug', []), 'unlabeled');

    github.assertDone();
    expect(github.writes).toEqual([]);
  });
});
