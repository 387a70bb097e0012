import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, HEAD_SHA, OWNER, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const CONFIG = '.github/specgate.yml';
const CONFIG_URL = `https://github.com/Codertocat/Hello-World/blob/HEAD/${CONFIG}`;
const SPEC = fixture('repos/missing-template/docs/specs/one.md');

/** The check run a configuration problem gets: failing, on the head, every problem on its line of the file. */
function configErrorCheck(problems: Array<{ line: number; message: string }>, name = 'Spec completeness'): unknown {
  return {
    name,
    head_sha: HEAD_SHA,
    status: 'completed',
    conclusion: 'failure',
    output: {
      title: `Configuration error in ${CONFIG}`,
      summary: [
        `specgate cannot check specs until [${CONFIG}](${CONFIG_URL}) is fixed on the default branch:`,
        '',
        ...problems.map((problem) => `- line ${problem.line}: ${problem.message}`),
      ].join('\n'),
      annotations: problems.map((problem) => ({
        path: CONFIG,
        start_line: problem.line,
        end_line: problem.line,
        annotation_level: 'failure',
        title: 'specgate configuration',
        message: problem.message,
      })),
    },
  };
}

const app = appForEachTest();

/**
 * A push while the default branch has this configuration: Probot reads it, and since it has
 * problems the app reads the same file again, as text, for their lines. Only the check run is written.
 */
async function pushUnder(yaml: string): Promise<any[]> {
  const github = new FakeGitHub()
    .token()
    .config(yaml)
    .files([{ filename: 'docs/specs/one.md', sha: 's1' }])
    .file(CONFIG, yaml)
    .createCheckRun();
  await deliver(app(), 'pull_request', pullRequestPayload('opened'));
  github.assertDone();
  return github.writes.map((write) => write.body);
}

describe('a configuration with problems', () => {
  test('an unknown key fails the check with an annotation on its line', async () => {
    const message =
      'Unknown key "pathz". Did you mean "paths"? Known keys: _extends, paths, ignore, template, templates, named_templates, sections, placeholders, max_file_size, check_name, comment, review_comments, annotations, draft, skip_label, require_spec, spec_link_prefix, enforce, statuses, status_order, status_keys, date_keys, waivers, order, rules.';
    // Line 3 of the fixture is `pathz:`.
    expect(await pushUnder(fixture('config/unknown-key.yml'))).toEqual([configErrorCheck([{ line: 3, message }])]);
  });

  test('YAML that does not parse fails the check at the line the parser stopped on', async () => {
    const message = 'The configuration is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]';
    // Line 1 of the fixture opens a `[` that is never closed; the parser gives up on line 2.
    expect(await pushUnder(fixture('config/broken.yml'))).toEqual([configErrorCheck([{ line: 2, message }])]);
  });

  test('a problem elsewhere in the file is still reported under the configured check name, the one branch protection waits for', async () => {
    const [checkRun] = await pushUnder(['check_name: Specs', 'commnet: always', ''].join('\n'));
    expect(checkRun).toMatchObject({ name: 'Specs', conclusion: 'failure', output: { title: `Configuration error in ${CONFIG}` } });
    expect(checkRun.output.annotations).toEqual([expect.objectContaining({ start_line: 2, message: expect.stringContaining('Unknown key "commnet". Did you mean "comment"?') })]);
  });
});

describe('a configured template that does not exist', () => {
  test('is looked for in the repository and the owner\'s .github repository, then fails the check at the `template` line', async () => {
    const yaml = fixture('repos/missing-template/.github/specgate.yml'); // line 2: `template: docs/specs/TEMPLATE.md`
    const github = new FakeGitHub()
      .token()
      .config(yaml)
      .files([{ filename: 'docs/specs/one.md', sha: 's1' }])
      .blob('s1', SPEC)
      .file('docs/specs/TEMPLATE.md', null)
      .file('docs/specs/TEMPLATE.md', null, '.github')
      .file(CONFIG, yaml)
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)).toEqual([
      configErrorCheck([{ line: 2, message: 'The template "docs/specs/TEMPLATE.md" does not exist.' }]),
    ]);
  });

  test(`is found in ${OWNER}/.github when the repository lacks it, and the spec is checked against it`, async () => {
    const yaml = fixture('repos/missing-template/.github/specgate.yml');
    const github = new FakeGitHub()
      .token()
      .config(yaml)
      .files([{ filename: 'docs/specs/one.md', sha: 's1' }])
      .blob('s1', SPEC)
      .file('docs/specs/TEMPLATE.md', null)
      .file('docs/specs/TEMPLATE.md', fixture('repos/basic/docs/specs/TEMPLATE.md'), '.github')
      .createCheckRun()
      .comments([])
      .createComment();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun).toMatchObject({ conclusion: 'failure', output: { title: '1 of 1 spec incomplete: 3 errors' } });
    expect(checkRun.output.summary).toContain('| docs/specs/TEMPLATE.md | ❌ incomplete | missing-section: Motivation, Design, Security |');
  });
});
