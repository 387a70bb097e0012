/**
 * Issue 14, parts 1-3 in the app, through signed webhooks: `enforce: new-problems` compares each
 * changed spec with its version at the base commit; `statuses`, `required_from` and
 * `required_since` follow the spec's own status and date, and the check summary says which status applied.
 */
import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const app = appForEachTest();
const CHECK_RUNS = `${REPO_PATH}/check-runs`;
const spec = (name: string) => fixture(`specs/lifecycle/${name}.md`);
const CONFIG = 'paths: [rfcs/*.md]\ntemplate: 0000-template.md\ncomment: never\nreview_comments: never\n';
const BASE_SHA: string = pullRequestPayload('synchronize').pull_request.base.sha;
const SHA = (letter: string) => letter.padEnd(40, '0');

function gitHub(config: string): FakeGitHub {
  return new FakeGitHub().token().config(config).file('0000-template.md', fixture('templates/rfc-lifecycle.md'));
}

/** A pull request that modifies one spec: its blob at the head, and its version at the base commit. */
function modifies(github: FakeGitHub, path: string, head: string, base: string): FakeGitHub {
  return github.files([{ filename: path, status: 'modified', sha: SHA('h') }]).blob(SHA('h'), head).contentsAt(path, BASE_SHA, base, SHA('b')).createCheckRun();
}

async function checkRun(github: FakeGitHub): Promise<{ conclusion: string; output: { title: string; summary: string } }> {
  await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));
  github.assertDone();
  return github.bodies(CHECK_RUNS)[0];
}

describe('enforce: new-problems in the app', () => {
  const config = `${CONFIG}enforce: new-problems\n`;

  test('a typo fix in an old spec passes: the base blob had the same gaps, listed as existing', async () => {
    const github = modifies(gitHub(config), 'rfcs/0042-mirrors.md', spec('old-rfc-typo-fixed'), spec('old-rfc'));
    const run = await checkRun(github);
    expect(run.conclusion).toBe('success');
    expect(run.output.summary).toContain('| ✅ complete | missing-section (existing): Rollout, Prior art |');
  });

  test('a new spec with the same gaps fails, and its base version is not asked for', async () => {
    const github = gitHub(config).files([{ filename: 'rfcs/0099-sources.md', status: 'added', sha: SHA('n') }]).blob(SHA('n'), spec('new-rfc')).createCheckRun();
    const run = await checkRun(github);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('| ❌ incomplete | missing-section: Rollout, Prior art |');
  });

  test('a renamed spec is compared with its old path at the base; a section emptied in the pull request is new', async () => {
    const emptied = spec('old-rfc-typo-fixed').replace(/# Motivation\n\n.*\n/, '# Motivation\n\n');
    const github = gitHub(config)
      .files([{ filename: 'rfcs/0042-binary-mirrors.md', status: 'renamed', previous_filename: 'rfcs/0042-mirrors.md', sha: SHA('r') }])
      .blob(SHA('r'), emptied)
      .contentsAt('rfcs/0042-mirrors.md', BASE_SHA, spec('old-rfc'), SHA('b'))
      .createCheckRun();
    const run = await checkRun(github);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('| ❌ incomplete | empty-section: Motivation<br>missing-section (existing): Rollout, Prior art |');
  });

  test('without enforce: new-problems the base is never read and the old gaps fail', async () => {
    const github = gitHub(CONFIG).files([{ filename: 'rfcs/0042-mirrors.md', status: 'modified', sha: SHA('h') }]).blob(SHA('h'), spec('old-rfc-typo-fixed')).createCheckRun();
    expect((await checkRun(github)).conclusion).toBe('failure');
  });
});

describe('statuses and required_since in the app', () => {
  const statuses = `${CONFIG}statuses: { Draft: warnings, Accepted: all }\n`;

  test('a Draft is neutral to the check (errors are warnings) and the summary names its status', async () => {
    const github = gitHub(statuses).files([{ filename: 'rfcs/0043-exports.md', status: 'added', sha: SHA('d') }]).blob(SHA('d'), spec('draft-adr')).createCheckRun();
    const run = await checkRun(github);
    expect(run.conclusion).toBe('success');
    expect(run.output.summary).toContain('| ✅ complete (status Draft: errors count as warnings) | missing-section: Rollout |');
  });

  test('a pull request moving Draft to Accepted is checked at the new status, even under new-problems', async () => {
    const github = modifies(gitHub(`${statuses}enforce: new-problems\n`), 'rfcs/0043-exports.md', spec('accepted-adr'), spec('draft-adr'));
    const run = await checkRun(github);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('| ❌ incomplete (status Accepted: checked in full) | missing-section: Rollout |');
  });

  test('required_since: an old spec need not have the section added later; the summary lists it as not required', async () => {
    const config = `${CONFIG}sections:\n  Rollout: { required_since: 2023-06-01 }\n  Prior art: { required_since: 2023-06-01 }\n`;
    const github = gitHub(config).files([{ filename: 'rfcs/0042-mirrors.md', status: 'modified', sha: SHA('h') }]).blob(SHA('h'), spec('old-rfc')).createCheckRun();
    const run = await checkRun(github);
    expect(run.conclusion).toBe('success');
    expect(run.output.summary).toContain('| ✅ complete | missing-section (not required): Rollout, Prior art |');
  });
});
