import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Probot } from 'probot';
import { CommandGitHub, commentPayload, HEAD_REF, pullRequestData } from '../helpers/commands.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { appUnderTest, noNetwork, REPO_PATH, restoreNetwork } from '../helpers/github.js';

const SPEC = 'docs/specs/audit-log-export.md';
const SPEC_URL = `${REPO_PATH}/contents/docs%2Fspecs%2Faudit-log-export.md`;
const CRLF_BOM = readFileSync(join(FIXTURES, 'app/crlf-bom-spec.md'));

let app: Probot;
beforeEach(async () => {
  noNetwork();
  app = await appUnderTest();
});
afterEach(restoreNetwork);

const receive = (body: string, options?: Parameters<typeof commentPayload>[1]) =>
  app.receive({ id: `comment-${Math.random()}`, name: 'issue_comment', payload: commentPayload(body, options) } as never);

function reactions(github: CommandGitHub): string[] {
  return github.writes.filter((write) => write.path.endsWith('/reactions')).map((write) => write.body.content);
}

function replies(github: CommandGitHub): string[] {
  return github.bodies(`${REPO_PATH}/issues/2/comments`).map((body) => body.body);
}

describe('/spec-template fill', () => {
  test('commits the missing sections with the file SHA, keeping a CRLF + BOM file byte for byte', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write')
      .pullRequest()
      .config(null)
      .branchFile(SPEC, HEAD_REF, CRLF_BOM, 'blob-sha-1')
      .putFile(SPEC)
      .reply()
      .react('+1');
    await receive(`/spec-template fill ${SPEC}`);
    github.assertDone();

    const [put] = github.bodies(SPEC_URL);
    expect(put).toMatchObject({ branch: HEAD_REF, sha: 'blob-sha-1' });
    expect(put.message).toMatch(/^Fill the missing sections of docs\/specs\/audit-log-export\.md\n\n\/spec-template fill, asked by @Codertocat: "Outcomes", /);
    const written = Buffer.from(put.content, 'base64');
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Every original line survives unchanged and in order; every inserted line ends in CRLF too.
    const before = CRLF_BOM.toString('latin1').split('\r\n');
    const after = written.toString('latin1').split('\r\n');
    let cursor = 0;
    for (const line of before) {
      cursor = after.indexOf(line, cursor);
      expect(cursor).toBeGreaterThanOrEqual(0);
    }
    expect(written.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(reactions(github)).toEqual(['eyes', '+1']);
    expect(replies(github)[0]).toMatch(/^@Codertocat, added "Outcomes", .* to `docs\/specs\/audit-log-export\.md` in c0ffee1/);
  });

  test('a push in between makes the write fail cleanly (409), with a reply that says so', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'admin')
      .pullRequest()
      .config(null)
      .branchFile(SPEC, HEAD_REF, CRLF_BOM)
      .putFile(SPEC, 409)
      .reply()
      .react('confused');
    await receive(`/spec-template fill ${SPEC}`);
    github.assertDone();
    expect(replies(github)).toEqual([expect.stringContaining('changed on `changes` while specgate was writing it')]);
  });

  test('an installation without contents: write is told how to grant it (403)', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write')
      .pullRequest()
      .config(null)
      .branchFile(SPEC, HEAD_REF, CRLF_BOM)
      .putFile(SPEC, 403)
      .reply()
      .react('confused');
    await receive(`/spec-template fill ${SPEC}`);
    github.assertDone();
    expect(replies(github)[0]).toContain('**Contents: write** permission');
  });

  test('on a fork, nothing is pushed: the missing sections come in the reply', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write')
      .pullRequest(pullRequestData({ fromFork: true }))
      .config(null)
      .branchFile(SPEC, 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', CRLF_BOM)
      .reply()
      .react('+1');
    await receive(`/spec-template fill ${SPEC}`);
    github.assertDone();
    expect(replies(github)[0]).toMatch(/cannot push to a fork[\s\S]*```markdown\n## Outcomes\n\n<!--/);
  });
});

describe('permissions come from GitHub, every time', () => {
  test.each([
    ['read', 'fill docs/specs/a.md', 'needs write permission on this repository; you have read.'],
    ['triage', 'new docs/specs/a.md', 'needs write permission on this repository; you have triage.'],
    ['none', 'skip urgent', 'needs write, maintain or admin permission on this repository; you have none.'],
  ])('a user with %s access cannot run %s', async (level, command, message) => {
    const permission = level === 'triage' ? 'read' : level;
    const github = new CommandGitHub().token().react('eyes').permission('Codertocat', permission, level).reply().react('confused');
    await receive(`/spec-template ${command}`);
    github.assertDone();
    expect(replies(github)).toEqual([`@Codertocat, \`/spec-template ${command.split(' ')[0]}\` ${message}`]);
  });

  test('a maintainer may skip: the check for the current head passes with the reason', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write', 'maintain')
      .pullRequest()
      .config(null)
      .createCheckRun()
      .react('+1');
    await receive('/spec-template skip hotfix for INC-2210; spec follows in #3');
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({
      name: 'Spec completeness',
      head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'success',
      output: { title: 'Skipped by @Codertocat', summary: expect.stringContaining('hotfix for INC-2210; spec follows in #3') },
    });
  });

  test('skip without a reason is refused', async () => {
    const github = new CommandGitHub().token().react('eyes').permission('Codertocat', 'admin').pullRequest().config(null).reply().react('confused');
    await receive('/spec-template skip');
    github.assertDone();
    expect(replies(github)[0]).toContain('Give a reason');
  });
});

describe('/spec-template new', () => {
  test('commits the template at a new spec path on the branch', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write')
      .pullRequest()
      .config(null)
      .branchFile('docs/specs/search.md', HEAD_REF, null)
      .putFile('docs/specs/search.md')
      .reply()
      .react('+1');
    await receive('/spec-template new docs/specs/search.md');
    github.assertDone();
    const [put] = github.bodies(`${REPO_PATH}/contents/docs%2Fspecs%2Fsearch.md`);
    expect(put.sha).toBeUndefined();
    expect(Buffer.from(put.content, 'base64').toString('utf8')).toBe(readFileSync(join(FIXTURES, '../../templates/default.md'), 'utf8'));
  });

  test('refuses a path outside the spec paths before touching the branch', async () => {
    const github = new CommandGitHub().token().react('eyes').permission('Codertocat', 'write').pullRequest().config(null).reply().react('confused');
    await receive('/spec-template new ../../.github/workflows/evil.md');
    github.assertDone();
    expect(replies(github)[0]).toContain('points outside');
  });

  test('refuses to overwrite a spec that exists', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .permission('Codertocat', 'write')
      .pullRequest()
      .config(null)
      .branchFile(SPEC, HEAD_REF, CRLF_BOM)
      .reply()
      .react('confused');
    await receive(`/spec-template new ${SPEC}`);
    github.assertDone();
    expect(replies(github)[0]).toContain('already exists');
  });
});

describe('commands anyone who can comment may run', () => {
  const INCOMPLETE = readFileSync(join(FIXTURES, 'app/incomplete.md'), 'utf8');

  test('help: the usage, the template collapsed, and each failing spec\'s missing sections ready to paste', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .pullRequest()
      .config(null)
      .files([{ filename: SPEC, sha: 'a1' }])
      .blob('a1', INCOMPLETE)
      .reply()
      .react('+1');
    await receive('/spec-template');
    github.assertDone();
    const [reply] = replies(github);
    expect(reply).toContain('| `/spec-template fill PATH` | write access |');
    expect(reply).toContain('<details><summary>The template for this repository (<code>built-in</code>)</summary>');
    expect(reply).toContain('```markdown\n# Spec Template\n');
    expect(reply).toContain('**`docs/specs/audit-log-export.md`** is missing 3 sections ("Orchestration" before line 25, "Acceptance Criteria" before line 35, "Open Questions" before line 37)');
    expect(reply).toMatch(/```markdown\n## Orchestration\n\n<!--\n- Workflows[\s\S]*## Acceptance Criteria[\s\S]*## Open Questions/);
  });

  test('check: the current head is checked again, and a 👍 says it is done', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .pullRequest()
      .config(null)
      .config(null)
      .files([{ filename: 'src/index.ts' }])
      .createCheckRun()
      .comments([])
      .react('+1');
    await receive('/spec-template check');
    github.assertDone();
    expect(github.bodies(`${REPO_PATH}/check-runs`)[0]).toMatchObject({ conclusion: 'success', output: { title: 'No spec files changed' } });
    expect(replies(github)).toEqual([]);
  });
});

describe('what is not a command, or not for us', () => {
  test('a command inside a code block is ignored: no call at all', async () => {
    const github = new CommandGitHub();
    await receive('```\n/spec-template skip now\n```');
    github.assertDone();
    expect(github.writes).toEqual([]);
  });

  test("a bot's comment is ignored, even a command: no loops, no bot lifting the gate", async () => {
    const github = new CommandGitHub();
    await receive('/spec-template skip because I am a bot', { bot: true });
    expect(github.writes).toEqual([]);
  });

  test('on a plain issue, one reply says the command works on pull requests', async () => {
    const github = new CommandGitHub().token().reply();
    await receive('/spec-template', { onPullRequest: false });
    github.assertDone();
    expect(replies(github)).toEqual(['@Codertocat, `/spec-template` works on pull requests, where it checks and fills specs. This is an issue.']);
  });

  test('an unknown subcommand gets the usage and a 😕', async () => {
    const github = new CommandGitHub().token().react('eyes').reply().react('confused');
    await receive('/spec-template frobnicate');
    github.assertDone();
    expect(replies(github)[0]).toMatch(/`frobnicate` is not a `\/spec-template` command[\s\S]*\| `\/spec-template check` \|/);
  });
});
