import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, appUnderTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');
const SPEC = 'docs/specs/audit-log-export.md';
const EARLIER = { sha: '1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e', updatedAt: '2019-05-15T15:20:33Z' };
const LATER = { sha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', updatedAt: '2019-05-15T15:24:10Z' };

/** Our comment as an earlier run left it, stamped with the push it describes. */
function sticky(id: number, stamp: { sha: string; updatedAt: string }, heading: string): { id: number; body: string } {
  return { id, body: [...stickyHeader(stamp.sha, stamp.updatedAt), `### ${heading}`, ''].join('\n') };
}
const HUMAN = { id: 301, body: 'Could you add the retention period to the spec?' };

/** A push of the spec (no patch: review comments are another test's subject). */
function push(spec: string, comments: Array<{ id: number; body: string }>, github = new FakeGitHub().token()): FakeGitHub {
  return github
    .config(null)
    .files([{ filename: SPEC, status: 'modified', sha: 'e1' }])
    .blob('e1', spec)
    .createCheckRun()
    .comments(comments);
}

const app = appForEachTest();

describe('synchronize events that arrive out of order', () => {
  test('a comment stamped by a later push is left alone, but this push still gets its check run', async () => {
    const newer = sticky(302, LATER, '✅ Spec completeness: The spec is complete');
    const github = push(INCOMPLETE, [HUMAN, newer]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { headSha: EARLIER.sha, updatedAt: EARLIER.updatedAt }));

    github.assertDone();
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: EARLIER.sha, conclusion: 'failure' });
  });
});

describe('the one sticky comment', () => {
  test('stamped by an earlier push, it is edited in place; no second comment is created', async () => {
    const older = sticky(302, EARLIER, '❌ Spec completeness: 1 of 1 spec incomplete: 7 errors');
    const github = push(INCOMPLETE, [HUMAN, older]).updateComment(302);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { headSha: LATER.sha, updatedAt: LATER.updatedAt }));

    github.assertDone();
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`, `patch ${REPO_PATH}/issues/comments/302`]);
    expect(github.bodies(`${REPO_PATH}/issues/comments/302`)).toEqual([
      {
        body: [
          ...stickyHeader(LATER.sha, LATER.updatedAt),
          '### ❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning',
          '',
          '| Spec | What is left to write |',
          '| --- | --- |',
          `| [${SPEC}](https://github.com/Codertocat/Hello-World/blob/${LATER.sha}/${SPEC}) | **Still the template:** Stakeholders, User Stories<br>**Empty:** API Contract<br>**Missing:** Orchestration, Acceptance Criteria, Open Questions |`,
          '',
          'Each problem is also an annotation on its line in the **Files changed** tab.',
          '',
        ].join('\n'),
      },
    ]);
  });

  test('once the spec passes, the comment is edited to say so', async () => {
    const failing = sticky(302, EARLIER, '❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning');
    const github = push(COMPLETE, [failing]).updateComment(302);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { headSha: LATER.sha, updatedAt: LATER.updatedAt }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success', output: { title: 'The spec is complete' } });
    expect(github.bodies(`${REPO_PATH}/issues/comments/302`)).toEqual([
      {
        body: [
          ...stickyHeader(LATER.sha, LATER.updatedAt),
          '### ✅ Spec completeness: The spec is complete',
          '',
          'Every spec in this pull request has all the sections its template asks for.',
          '',
        ].join('\n'),
      },
    ]);
  });

  test('a passing spec with no comment yet stays quiet: nothing is created (comment: on-failure)', async () => {
    const github = push(COMPLETE, [HUMAN]);
    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));
    github.assertDone();
    expect(github.writes.map((write) => write.path)).toEqual([`${REPO_PATH}/check-runs`]);
  });

  test('a comment that already says exactly this is not written again', async () => {
    const first = push(COMPLETE, [sticky(302, EARLIER, '❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning')]).updateComment(302);
    const payload = pullRequestPayload('synchronize', { headSha: LATER.sha, updatedAt: LATER.updatedAt });
    await deliver(app(), 'pull_request', payload, 'first');
    first.assertDone();

    // The same push again: the blob, the check-run result and the comment are remembered, so only
    // the configuration and the file list are read, and nothing is written.
    const rerun = new FakeGitHub().config(null).files([{ filename: SPEC, status: 'modified', sha: 'e1' }]);
    await deliver(app(), 'pull_request', payload, 'second');
    rerun.assertDone();
    expect(rerun.writes).toEqual([]);
  });

  test('a fresh process finds a comment that already says exactly this and does not write it again', async () => {
    const first = push(COMPLETE, [sticky(302, EARLIER, '❌ Spec completeness: 1 of 1 spec incomplete: 6 errors, 1 warning')]).updateComment(302);
    const payload = pullRequestPayload('synchronize', { headSha: LATER.sha, updatedAt: LATER.updatedAt });
    await deliver(app(), 'pull_request', payload, 'first');
    const [{ body }] = first.bodies(`${REPO_PATH}/issues/comments/302`);

    const restarted = await appUnderTest();
    const rerun = push(COMPLETE, [{ id: 302, body }]);
    await deliver(restarted, 'pull_request', payload, 'second');
    rerun.assertDone();
    expect(rerun.writes.map((write) => write.path)).toEqual([`${REPO_PATH}/check-runs`]);
  });
});
