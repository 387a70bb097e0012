import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

// An early draft: every section written, each with ten TODO notes left in. One warning a line.
const DRAFT = fixture('app/todo-draft.md');
const TODO_LINES = DRAFT.split('\n').flatMap((text, index) => (text.includes('TODO') ? [index + 1] : []));
const SPEC = 'docs/specs/workspace-search.md';

const app = appForEachTest();

describe('a spec with more findings than one check-run request can carry', () => {
  test('the check run is created with the first 50 annotations, and PATCHed with the rest 50 at a time', async () => {
    expect(TODO_LINES).toHaveLength(120);
    // No patch: GitHub leaves it out for some diffs, and then there is no line to comment on.
    const github = new FakeGitHub()
      .token()
      .config(null)
      .files([{ filename: SPEC, status: 'modified', sha: 'd120' }])
      .blob('d120', DRAFT)
      .createCheckRun(41)
      .updateCheckRun(41)
      .updateCheckRun(41)
      .comments([]);

    await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));

    github.assertDone();
    const [create] = github.bodies(`${REPO_PATH}/check-runs`);
    const updates = github.bodies(`${REPO_PATH}/check-runs/41`);
    expect(create).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(create.output.title).toBe('The spec is complete (120 warnings)');

    const batches = [create.output.annotations, ...updates.map((update) => update.output.annotations)];
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    const all = batches.flat();
    expect(all).toHaveLength(TODO_LINES.length);
    expect(all.map((annotation) => annotation.start_line)).toEqual(TODO_LINES);
    // The second batch opens with the 51st finding: the first TODO of the sixth section.
    expect(all[50]).toEqual({
      path: SPEC,
      start_line: 76,
      end_line: 76,
      annotation_level: 'warning',
      title: 'placeholder-text: Data Model',
      message: 'Placeholder "TODO" left in "Data Model". Replace it with the real content.',
    });
    // Each update repeats the title and summary (GitHub requires them with annotations) and adds nothing else.
    for (const update of updates) {
      expect(update).toEqual({ output: { title: create.output.title, summary: create.output.summary, annotations: expect.any(Array) } });
    }
    expect(github.writes.map((write) => `${write.method} ${write.path}`)).toEqual([
      `post ${REPO_PATH}/check-runs`,
      `patch ${REPO_PATH}/check-runs/41`,
      `patch ${REPO_PATH}/check-runs/41`,
    ]);
  });
});
