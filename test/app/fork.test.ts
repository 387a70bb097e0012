import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const HEAD = '7e3a0f1c2b4d5e6f708192a3b4c5d6e7f8091a2b';

/** GitHub's example pull request, opened from a contributor's fork of Codertocat/Hello-World. */
function forkPullRequest(): any {
  const payload = pullRequestPayload('opened', { headSha: HEAD });
  const base = payload.pull_request.base.repo;
  payload.pull_request.head = {
    ...payload.pull_request.head,
    label: 'contributor:add-audit-spec',
    ref: 'add-audit-spec',
    sha: HEAD,
    user: { ...base.owner, login: 'contributor', id: 4242 },
    repo: {
      ...base,
      id: 99001,
      node_id: 'R_fork',
      full_name: 'contributor/Hello-World',
      fork: true,
      owner: { ...base.owner, login: 'contributor', id: 4242 },
      html_url: 'https://github.com/contributor/Hello-World',
      url: 'https://api.github.com/repos/contributor/Hello-World',
    },
  };
  return payload;
}

const app = appForEachTest();

describe('a pull request from a fork', () => {
  test('reads the blob from the base repository by SHA and writes everything there, never to the fork', async () => {
    // Every mock is on Codertocat/Hello-World: a call to contributor/Hello-World would be unexpected.
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: 'docs/specs/audit-log-export.md', sha: 'f00d', patch: addedPatch(INCOMPLETE) }])
      .blob('f00d', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment()
      .createReview();

    await deliver(app(), 'pull_request', forkPullRequest());

    github.assertDone();
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([
      `post ${REPO_PATH}/check-runs`,
      `post ${REPO_PATH}/issues/2/comments`,
      `post ${REPO_PATH}/pulls/2/reviews`,
    ]);
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ head_sha: HEAD, conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
    // Links point at the base repository, where the pull request's commits are reachable.
    expect(checkRun.output.summary).toContain(`(https://github.com/Codertocat/Hello-World/blob/${HEAD}/docs/specs/audit-log-export.md)`);
    const [review] = github.bodies(`${REPO_PATH}/pulls/2/reviews`);
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
  });
});
