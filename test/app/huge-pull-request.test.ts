/**
 * A pull request past the 3,000 files GitHub lists never passes unseen: the base and head trees
 * are compared under the spec paths; when GitHub truncates a recursive tree, the spec folders are
 * walked; when even that would take too many requests, the check fails and says how to skip it.
 * Through the real server and the GitHub stand-in.
 */
import { GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { MAX_TREE_REQUESTS } from '../../src/github/spec-trees.js';
import { generateAppCredentials, startSpecgate, type RunningApp } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';

const INCOMPLETE = fixture('app/incomplete.md');
const TREES = 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}';

describe('a pull request of more than 3,000 files', () => {
  const credentials = generateAppCredentials();
  let github: GitHubStandIn;
  let app: RunningApp;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    app = await startSpecgate({ github, credentials, logLevel: 'silent' });
  });
  afterEach(async () => {
    await app.stop();
    await github.close();
    expect(github.unknownRequests).toEqual([]);
    expect(github.handlerErrors).toEqual([]);
  });

  function seed(config: string, files: Record<string, string>): number {
    repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello\n', '.github/specgate.yml': config } });
    return repo.openPullRequest({ number: 2, headRef: 'huge', files }).changedFiles;
  }

  test('GitHub truncates the recursive trees: the spec folders are walked, and the incomplete spec past the list fails the check', async () => {
    github.world.treeEntryLimit = 100;
    const files: Record<string, string> = {};
    for (let index = 0; index < 3010; index++) files[`src/file-${String(index).padStart(4, '0')}.ts`] = `export const n = ${index};\n`;
    // Sorted after src/: not among the 3,000 files GitHub lists.
    files['zz/specs/late.md'] = INCOMPLETE;
    expect(seed('paths: [zz/specs/**/*.md]\n', files)).toBe(3011);

    expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);

    const [run] = repo.checkRuns();
    expect(run).toMatchObject({ conclusion: 'failure', output: expect.objectContaining({ title: '1 of 1 spec incomplete: 6 errors, 1 warning' }) });
    expect(run!.output.summary).toContain('zz/specs/late.md');
    // Two recursive trees (the head's truncated), then the root on each side, then zz and zz/specs,
    // which only the head has: src is never walked.
    expect(github.log.filter(TREES).map((record) => record.query.includes('recursive'))).toEqual([true, true, false, false, false, false]);
  });

  test('a change too wide to walk within the request budget fails the check, saying why and how to skip it', async () => {
    github.world.treeEntryLimit = 100;
    const files: Record<string, string> = {};
    // The default paths include **/*.spec.md: every changed folder could hold a spec.
    for (let index = 0; index < 3010; index++) files[`pkg-${String(index).padStart(4, '0')}/index.ts`] = `export const n = ${index};\n`;
    seed('comment: never\n', files);

    expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);

    const [run] = repo.checkRuns();
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: 'Too many changed files to find every spec' }) });
    expect(run!.output.summary).toContain(`more than ${MAX_TREE_REQUESTS} requests`);
    expect(run!.output.summary).toContain('add the label `spec-check: skip`');
    expect(github.log.filter(TREES).length).toBeLessThanOrEqual(MAX_TREE_REQUESTS);
  });
});
