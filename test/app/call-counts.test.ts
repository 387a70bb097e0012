/**
 * The API calls of the benchmark's scenarios, pinned: nock answers exactly these requests, so a
 * change that adds a call fails here. The floor is ceil(n/100) file-list pages + k blobs + 1
 * configuration read + 1 check-run write (+2 to find and write the comment when it must change).
 */
import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const COMPLETE = fixture('app/complete.md');
const INCOMPLETE = fixture('app/incomplete.md');
const CONFIG = 'review_comments: true\n';

function changedFiles(files: number, specs: number, spec: string): Array<{ filename: string; sha: string; patch?: string }> {
  return Array.from({ length: files }, (_, i) => (i < specs ? { filename: `docs/specs/spec-${i}.md`, sha: `s${i}`, patch: addedPatch(spec) } : { filename: `src/file-${i}.ts`, sha: `f${i}` }));
}

const app = appForEachTest();

// `calls`: the API calls of a first run after the installation token, one over the floor each: the
// review of a failing first run (the floor has no review), or on a passing one, looking for a
// comment that is not there.
describe.each([
  // configuration, 1 page, 1 blob, check run, comment looked for, comment written, review
  { name: '1 spec in 3 files', files: 3, specs: 1, spec: INCOMPLETE, commentMustChange: true, calls: 7 },
  // configuration, 3 pages, 10 blobs, check run, comment looked for
  { name: '10 specs in 300 files', files: 300, specs: 10, spec: COMPLETE, commentMustChange: false, calls: 16 },
  // configuration, 30 pages, 3 blobs, check run, comment looked for
  { name: '3 specs in 3,000 files', files: 3000, specs: 3, spec: COMPLETE, commentMustChange: false, calls: 36 },
])('$name', ({ files, specs, spec, commentMustChange, calls }) => {
  test(`a first run makes ${calls} API calls, and a re-run reads no blob and writes nothing`, async () => {
    const list = changedFiles(files, specs, spec);
    const first = new FakeGitHub().token().config(CONFIG).files(list);
    for (const file of list.slice(0, specs)) first.blob(file.sha, spec);
    first.createCheckRun().comments([]);
    // A failing spec: the comment is written, and one review carries the line comments. No list of
    // review comments is asked for: the event says there are none yet.
    if (commentMustChange) first.createComment().createReview();
    const answered: string[] = [];
    first.scope.on('request', (request: { method: string; path: string }) => answered.push(`${request.method} ${request.path}`));
    await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: files, reviewComments: 0 }), 'first');
    first.assertDone();
    expect(answered.filter((call) => !call.includes('/access_tokens'))).toHaveLength(calls);

    const rerun = new FakeGitHub().config(CONFIG).files(list);
    await deliver(app(), 'pull_request', pullRequestPayload('reopened', { changedFiles: files }), 'second');
    rerun.assertDone();
    expect(rerun.writes).toEqual([]);
  });
});

test('the file list of 3,000 files is asked for all at once: every page by number, none waiting for a Link header', async () => {
  const list = changedFiles(3000, 0, '');
  const github = new FakeGitHub().token().config(CONFIG).files(list).createCheckRun().comments([]);
  await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: 3000 }), 'pages');
  github.assertDone();
  expect(github.bodies(`${REPO_PATH}/check-runs`)[0].output.title).toBe('No spec files changed');
});
