/**
 * A merge queue: GitHub sends `merge_group.checks_requested` and waits for the required check on
 * the merge group's head commit. specgate answers with a completed check run of the configured
 * name: the verdict for the specs that differ between the group's base and head.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate } from '../../tools/dev/specgate-server.js';
import { mergeGroupEvent, pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture, ROOT } from '../helpers/fixtures.js';
import { appForEachTest, deliver, examplePayload, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const INCOMPLETE = fixture('app/incomplete.md');
const COMPLETE = fixture('app/complete.md');
const SPEC = 'docs/specs/audit-log-export.md';
const GROUP_HEAD = '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d';
const GROUP_BASE = '380387fbc80638b734a49e1be1c4dfec1c01b33c';

/** GitHub's merge_group example (its installation is 1, like the pull request examples'), on Codertocat/Hello-World. */
function checksRequested(): any {
  const payload = examplePayload('merge_group', 'checks_requested');
  payload.repository = pullRequestPayload('opened').repository;
  expect(payload.merge_group).toMatchObject({ head_sha: GROUP_HEAD, base_sha: GROUP_BASE });
  return payload;
}

describe('merge_group.checks_requested (nock)', () => {
  const app = appForEachTest();

  test('a completed check run with the configured name on the group\'s head, for the specs between base and head', async () => {
    const github = new FakeGitHub()
      .token()
      .config('check_name: Spec gate\n')
      .compare(GROUP_BASE, GROUP_HEAD, [{ filename: SPEC, sha: 's1' }, { filename: 'src/app.ts', sha: 's2' }])
      .blob('s1', INCOMPLETE)
      .createCheckRun();

    await deliver(app(), 'merge_group', checksRequested());

    github.assertDone();
    // Only the check run: a merge group has no conversation.
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([`post ${REPO_PATH}/check-runs`]);
    const [run] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(run).toMatchObject({ name: 'Spec gate', head_sha: GROUP_HEAD, status: 'completed', conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
  });

  test('a group without spec changes passes, so the queue never waits', async () => {
    const github = new FakeGitHub().token().config(null).compare(GROUP_BASE, GROUP_HEAD, [{ filename: 'src/app.ts' }]).createCheckRun();

    await deliver(app(), 'merge_group', checksRequested());

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'success', output: { title: 'No spec files changed' } });
  });

  test('an entry whose specs its pull request already had checked reads no blob', async () => {
    const pull = new FakeGitHub().token().config(null).files([{ filename: SPEC, sha: 'same-blob' }]).blob('same-blob', COMPLETE).createCheckRun().comments([]);
    await deliver(app(), 'pull_request', pullRequestPayload('opened'), 'pull');
    pull.assertDone();

    // No blob interceptor: a blob read would be an unexpected request.
    const group = new FakeGitHub().config(null).compare(GROUP_BASE, GROUP_HEAD, [{ filename: SPEC, sha: 'same-blob' }]).createCheckRun();
    await deliver(app(), 'merge_group', checksRequested(), 'group');
    group.assertDone();
    expect(group.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'success' });
  });

  test('GitHub failing mid-check still completes the check run, saying why', async () => {
    const github = new FakeGitHub().token().config(null).createCheckRun();
    github.scope.get(`${REPO_PATH}/compare/${GROUP_BASE}...${GROUP_HEAD}`).query(true).reply(502, { message: 'Server Error' });

    await deliver(app(), 'merge_group', checksRequested()).catch(() => undefined);

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'failure', output: { title: 'specgate could not finish the check' } });
  });
});

describe('the app manifest', () => {
  test('subscribes to merge_group with the merge_queues read permission GitHub requires for it', () => {
    const manifest = parse(readFileSync(`${ROOT}/app.yml`, 'utf8'));
    expect(manifest.default_events).toContain('merge_group');
    expect(manifest.default_permissions).toMatchObject({ merge_queues: 'read', checks: 'write' });
  });
});

describe('a merge queue through the real server and the GitHub stand-in', () => {
  test('the merge group of a pull request whose spec was completed gets a passing check on its head commit', async () => {
    const credentials = generateAppCredentials();
    const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const server = await startSpecgate({ github, credentials, logLevel: 'silent' });
    try {
      const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n', 'docs/specs/old.md': '# Old\n\nAn old spec, never complete.\n' } });
      repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: COMPLETE } });
      expect((await server.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);
      const blobReads = github.log.filter('GET /repos/{owner}/{repo}/git/blobs/{file_sha}').length;

      const group = repo.mergeGroup(2);
      expect((await server.deliver('merge_group', mergeGroupEvent(repo, group))).status).toBe(200);

      // Only the spec the group changes is judged (the old incomplete one on the base is not), from memory.
      expect(repo.checkRuns({ headSha: group.headSha })).toEqual([expect.objectContaining({ name: 'Spec completeness', status: 'completed', conclusion: 'success' })]);
      expect(github.log.filter('GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toHaveLength(blobReads);
      expect(github.unknownRequests).toEqual([]);
    } finally {
      await server.stop();
      await github.close();
    }
  });
});
