import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const COMPLETE = fixture('app/complete.md');

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

  test('past the 3,000 files GitHub lists, the check says spec files after those were not checked', async () => {
    const github = new FakeGitHub().token().config(null).files(sourceFiles(3000)).createCheckRun().comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize', { changedFiles: 3120 }));

    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun.conclusion).toBe('success');
    expect(checkRun.output).toEqual({
      title: 'No spec files changed',
      summary: [
        'No spec file was added or changed, so there was nothing to check.',
        '',
        '> [!WARNING]',
        '> GitHub lists only the first 3,000 files of a pull request; spec files after those were not checked.',
      ].join('\n'),
    });
  });
});
