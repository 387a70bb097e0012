import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, FIXTURES } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, HEAD_SHA, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const COMPLETE = fixture('app/complete.md'); // 2,856 bytes
// The spec an editor saved as UTF-16: every other byte is NUL.
const UTF16 = readFileSync(join(FIXTURES, 'app/utf16.md'));

const app = appForEachTest();

describe('a spec over max_file_size', () => {
  test('gets one file-too-large finding on line 1 instead of a check, and the run completes', async () => {
    const path = 'docs/specs/api-rate-limits.md';
    const github = new FakeGitHub()
      .token()
      .config('max_file_size: 100\n')
      .files([{ filename: path, sha: 'big1', patch: addedPatch(COMPLETE) }])
      .blob('big1', COMPLETE)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    const message = 'The file is 2.8 KB, over the 100 B limit, so it was not checked. Split it, or raise max_file_size.';
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 1 error' } });
    expect(checkRun.output.annotations).toEqual([
      { path, start_line: 1, end_line: 1, annotation_level: 'failure', title: 'file-too-large: (file)', message },
    ]);
    expect(checkRun.output.summary).toContain(' | built-in | ❌ incomplete | file-too-large: (file) |');
    const [comment] = github.bodies(`${REPO_PATH}/issues/2/comments`);
    expect(comment.body).toContain(`| [${path}](https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/${path}) | **Not checked:** (file) |`);
    // There is no text to suggest, so no line comment repeats what the comment and the annotation say.
    expect(github.bodies(`${REPO_PATH}/pulls/2/reviews`)).toEqual([]);
  });
});

describe('a spec that is not text', () => {
  test('a UTF-16 file (NUL bytes) gets one not-text finding, and the run completes', async () => {
    const path = 'docs/specs/offline-sync.md';
    // GitHub sends no patch for a file it takes for binary: no line to comment on.
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: path, sha: 'bin1' }])
      .blob('bin1', UTF16)
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 1 error' } });
    expect(checkRun.output.annotations).toEqual([
      {
        path,
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: 'not-text: (file)',
        message: 'The file holds NUL bytes: it looks binary, not markdown, so it was not checked.',
      },
    ]);
    expect(github.bodies(`${REPO_PATH}/issues/2/comments`)[0].body).toContain('**Not checked:** (file)');
  });
});
