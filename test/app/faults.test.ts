/**
 * Never stuck: whichever call to GitHub fails (an error, a secondary rate limit, a request that
 * never answers), the head commit ends with a completed check run.
 */
import nock from 'nock';
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { startSpecgate } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appUnderTest, deliver, FakeGitHub, noNetwork, pullRequestPayload, REPO_PATH, restoreNetwork } from '../helpers/github.js';

const SPEC = 'docs/specs/audit-log-export.md';
const INCOMPLETE = fixture('app/incomplete.md');
const FILES = [{ filename: SPEC, sha: 'a1', patch: addedPatch(INCOMPLETE) }];
const CONFIG_PATH = `${REPO_PATH}/contents/.github%2Fspecgate.yml`;

beforeEach(noNetwork);
afterEach(restoreNetwork);

/** The failing pull request's calls, in order, with one of them answered by `fault` instead. */
function flow(failing: string, fault: (scope: nock.Scope) => void): FakeGitHub {
  const github = new FakeGitHub().token();
  const step = (name: string, normal: () => void) => (name === failing ? fault(github.scope) : normal());
  step('configuration', () => github.config(null));
  step('file list', () => github.files(FILES));
  step('blob', () => github.blob('a1', INCOMPLETE));
  github.createCheckRun();
  step('comment lookup', () => github.comments([]));
  step('comment write', () => github.createComment());
  step('review lookup', () => github.reviewComments([]));
  step('review write', () => github.createReview());
  return github;
}

const ROUTES: Record<string, (scope: nock.Scope) => nock.Interceptor> = {
  configuration: (scope) => scope.get(CONFIG_PATH),
  'file list': (scope) => scope.get(`${REPO_PATH}/pulls/2/files`).query(true),
  blob: (scope) => scope.get(`${REPO_PATH}/git/blobs/a1`),
  'comment lookup': (scope) => scope.get(`${REPO_PATH}/issues/2/comments`).query(true),
  'comment write': (scope) => scope.post(`${REPO_PATH}/issues/2/comments`),
  'review lookup': (scope) => scope.get(`${REPO_PATH}/pulls/2/comments`).query(true),
  'review write': (scope) => scope.post(`${REPO_PATH}/pulls/2/reviews`),
};

const verdictBefore = ['configuration', 'file list', 'blob'];

describe.each(Object.keys(ROUTES))('GitHub fails the %s', (failing) => {
  test.each([
    ['a 500', (interceptor: nock.Interceptor) => interceptor.reply(500, { message: 'Server Error' })],
    ['a 403 secondary rate limit with retry-after', (interceptor: nock.Interceptor) => interceptor.reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' })],
  ])('with %s: the check run still completes', async (_, answer) => {
    const app = await appUnderTest();
    const github = flow(failing, (scope) => answer(ROUTES[failing]!(scope)));
    // The pull request has a line comment already, so the review lookup is one of the calls.
    await deliver(app, 'pull_request', pullRequestPayload('opened', { reviewComments: 1 }), `fault-${failing}`).catch(() => undefined);
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ status: 'completed', head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' });
    expect(checkRun.output.title).toBe(verdictBefore.includes(failing) ? 'specgate could not finish the check' : '1 of 1 spec incomplete: 6 errors, 1 warning');
  });
});

test('a request that does not answer is cut off at its deadline and retried: the check completes', async () => {
  restoreNetwork();
  // Two seconds for every attempt, generous on a loaded machine; the hung attempt would answer after
  // three. Both are timers in this one process, so the deadline always passes first.
  process.env.SPECGATE_REQUEST_TIMEOUT_MS = '2000';
  const github = await GitHubStandIn.start();
  const app = await startSpecgate({ github, logLevel: 'silent' });
  try {
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    // The hung attempt would answer with no files at all; only the retry's answer lists the spec.
    github.failNext('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 200, { delayMs: 3_000, body: [] });
    await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'));
    expect(repo.checkRuns().map((run) => run.output?.title)).toEqual(['1 of 1 spec incomplete: 6 errors, 1 warning']);
  } finally {
    delete process.env.SPECGATE_REQUEST_TIMEOUT_MS;
    await app.stop();
    await github.close();
  }
});
