import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const COMPLETE = fixture('app/complete.md');
const INCOMPLETE = fixture('app/incomplete.md');

/** `count` source files, as a large refactoring changes them. */
function sourceFiles(count: number, from = 0): Array<{ filename: string }> {
  return Array.from({ length: count }, (_, index) => ({ filename: `src/module-${String(from + index).padStart(4, '0')}.ts` }));
}

const app = appForEachTest();

describe('a pull request with more files than one page of the file list', () => {
  test('reads every page (Link: rel="next") and checks the spec that is on page 3', async () => {
    const files = [...sourceFiles(230), { filename: 'docs/specs/api-rate-limits.md', sha: 'c250', patch: addedPatch(COMPLETE) }, ...sourceFiles(19, 230)];
    expect(files).toHaveLength(250);
    const github = new FakeGitHub().token().config(null).files(files).blob('c250', COMPLETE).createCheckRun().comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { changedFiles: 250 }));

    github.assertDone();
    expect(github.writes).toHaveLength(1);
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toEqual({
      name: 'Spec completeness',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'success',
      output: {
        title: 'The spec is complete',
        summary: [
          '| Spec | Template | Result | Problems |',
          '| --- | --- | --- | --- |',
          `| [docs/specs/api-rate-limits.md](https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/docs/specs/api-rate-limits.md) | built-in | ✅ complete |  |`,
        ].join('\n'),
      },
    });
  });

  test('past the 3,000 files GitHub lists, the base and head trees are compared: an incomplete spec beyond the list fails the check', async () => {
    const event = pullRequestPayload('synchronize', { changedFiles: 3120 });
    const base = event.pull_request.base.sha;
    const mergeBase = 'e'.repeat(40);
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files(sourceFiles(3000))
      .compare(base, HEAD_SHA, sourceFiles(300), mergeBase)
      .tree(mergeBase, [{ path: 'docs/specs/old.md', sha: 'o1' }, { path: 'src/module-3100.ts', sha: 'm0' }], { recursive: true })
      .tree(HEAD_SHA, [{ path: 'docs/specs/old.md', sha: 'o1' }, { path: 'docs/specs/zz-late.md', sha: 'z1' }, { path: 'src/module-3100.ts', sha: 'm1' }], { recursive: true })
      .blob('z1', INCOMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', event);

    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 6 errors, 1 warning' } });
    expect(checkRun.output.summary).toContain('docs/specs/zz-late.md');
    expect(checkRun.output.summary).toContain('specgate found every other changed spec by comparing the base and head trees');
    expect(checkRun.output.summary).not.toContain('were not checked');
  });
});
