import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH, stickyHeader } from '../helpers/github.js';

const CONFIG = ['require_spec:', '  when_changed: ["src/**"]', ''].join('\n');

const app = appForEachTest();

describe('require_spec', () => {
  test('a pull request that changes src/ without a spec fails, and says which file needs one', async () => {
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'src/a.ts', status: 'modified' }, { filename: 'README.md', status: 'modified' }])
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: 2 }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([
      {
        name: 'Spec completeness',
        head_sha: HEAD_SHA,
        status: 'completed',
        conclusion: 'failure',
        output: {
          title: 'A spec is required: 1 changed file needs one',
          summary: [
            'This pull request changes files that need a spec (`require_spec`), but changes no spec file:',
            '',
            '- `src/a.ts`',
            '',
            'No spec file was added or changed, so there was nothing to check.',
          ].join('\n'),
        },
      },
    ]);
    expect(github.bodies(`${REPO_PATH}/issues/2/comments`)).toEqual([
      {
        body: [
          ...stickyHeader(),
          '### ❌ Spec completeness: A spec is required: 1 changed file needs one',
          '',
          'This pull request changes `src/a.ts`, which needs a spec, but adds or changes none.',
          '',
          '',
        ].join('\n'),
      },
    ]);
  });

  test('several files: the title counts them and the comment names them', async () => {
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'src/a.ts' }, { filename: 'src/b.ts' }])
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: 2 }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0].output.title).toBe('A spec is required: 2 changed files need one');
    expect(github.bodies(`${REPO_PATH}/issues/2/comments`)[0].body).toContain('This pull request changes `src/a.ts`, `src/b.ts`, which need a spec, but adds or changes none.');
  });

  test('a pull request that changes src/ and a spec is judged on the spec', async () => {
    const complete = fixture('app/complete.md');
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'src/a.ts' }, { filename: 'docs/specs/api-rate-limits.md', sha: 'c1' }])
      .blob('c1', complete)
      .createCheckRun()
      .comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: 2 }));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success', output: { title: 'The spec is complete' } });
  });
});
