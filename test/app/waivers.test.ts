import type { Probot } from 'probot';
import { CommandGitHub, commentPayload } from '../helpers/commands.js';
import { fixture } from '../helpers/fixtures.js';
import { addedPatch, appUnderTest, noNetwork, REPO_PATH, restoreNetwork } from '../helpers/github.js';

const SPEC = 'docs/specs/audit-log-export.md';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
// The complete example with its Rollout left empty: one empty-section error, on line 54.
const SPEC_TEXT = fixture('app/complete.md').replace(/(## 11\. Rollout\n)[\s\S]*?(\n## 12\.)/, '$1$2');
const CODEOWNERS_CONFIG = 'review_comments: never\nwaivers:\n  allowed:\n    codeowners: true\n';

let app: Probot;
beforeEach(async () => {
  noNetwork();
  app = await appUnderTest();
});
afterEach(restoreNetwork);

const receive = (body: string) => app.receive({ id: `comment-${Math.random()}`, name: 'issue_comment', payload: commentPayload(body) } as never);
const comments = (github: CommandGitHub): string[] => github.bodies(`${REPO_PATH}/issues/2/comments`).map((body) => body.body);

describe('/spec-template waive', () => {
  test('a CODEOWNERS owner of the spec waives a section: recorded in the comment, checked again at once, the finding a notice naming who and why', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .pullRequest()
      .config(CODEOWNERS_CONFIG)
      .file('.github/CODEOWNERS', '* @octo-org/everyone\n/docs/specs/ @Codertocat  # spec owners\n')
      .contentsAt(SPEC, HEAD, SPEC_TEXT)
      .comments([])
      .createComment()
      .config(CODEOWNERS_CONFIG)
      .files([{ filename: SPEC, sha: 'a1', patch: addedPatch(SPEC_TEXT) }])
      .blob('a1', SPEC_TEXT)
      .createCheckRun()
      .updateComment(99)
      .reply()
      .react('+1');
    // The re-check finds the comment the waive just wrote.
    github.scope
      .get(`${REPO_PATH}/issues/2/comments`)
      .query({ per_page: '100' })
      .reply(200, () => [{ id: 99, body: comments(github)[0] }]);
    await receive(`/spec-template waive Rollout in ${SPEC} — ships dark behind a flag; rollout plan in #12`);
    github.assertDone();

    expect(comments(github)).toHaveLength(2);
    const [record, reply] = comments(github);
    const updated: string = github.bodies(`${REPO_PATH}/issues/comments/99`)[0].body;
    expect(record).toMatch(/^<!-- specgate:sticky -->/);
    const recorded = JSON.parse(/<!-- specgate:waivers (\[.*\]) -->/s.exec(record!)![1]!);
    expect(recorded).toEqual([
      { path: SPEC, section: 'Rollout', by: 'Codertocat', reason: 'ships dark behind a flag; rollout plan in #12', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    const [checkRun] = github.bodies(`${REPO_PATH}/check-runs`);
    expect(checkRun.conclusion).toBe('success');
    expect(checkRun.output.annotations).toEqual([
      expect.objectContaining({ annotation_level: 'notice', start_line: 54, message: expect.stringMatching(/^Waived by @Codertocat: ships dark behind a flag; rollout plan in #12 \(Section "Rollout" is empty/) }),
    ]);
    expect(checkRun.output.summary).toContain(`- \`${SPEC}\` "Rollout": waived by @Codertocat on `);
    // The comment, rewritten by the check, keeps the record.
    expect(updated).toContain(`<!-- specgate:waivers ${JSON.stringify(recorded)} -->`);
    expect(reply).toMatch(/^@Codertocat waived "Rollout" in `docs\/specs\/audit-log-export\.md`: ships dark/);
  });

  test('a waiver without a reason is refused, saying why; nothing is written', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .pullRequest()
      .config(CODEOWNERS_CONFIG)
      .file('.github/CODEOWNERS', '/docs/specs/ @Codertocat\n')
      .reply()
      .react('confused');
    await receive(`/spec-template waive Rollout in ${SPEC}`);
    github.assertDone();
    expect(comments(github)).toEqual([expect.stringMatching(/^@Codertocat, a waiver needs a reason, for the audit: `\/spec-template waive Rollout in docs\/specs\/audit-log-export\.md — REASON`/)]);
  });

  test('by default waiving needs maintain permission, asked of GitHub: write is not enough', async () => {
    const github = new CommandGitHub().token().react('eyes').pullRequest().config(null).permission('Codertocat', 'write').reply().react('confused');
    await receive(`/spec-template waive Rollout in ${SPEC} -- not needed`);
    github.assertDone();
    expect(comments(github)).toEqual(['@Codertocat, `/spec-template waive`: waiving needs maintain permission on this repository (you have write).']);
  });

  test('a team named in waivers.allowed is asked about through the team membership API; not a member: refused', async () => {
    const github = new CommandGitHub()
      .token()
      .react('eyes')
      .pullRequest()
      .config('waivers:\n  allowed:\n    teams: [octo-org/spec-reviewers]\n')
      .reply()
      .react('confused');
    github.scope.get('/orgs/octo-org/teams/spec-reviewers/memberships/Codertocat').reply(404, { message: 'Not Found' });
    await receive(`/spec-template waive Rollout in ${SPEC} - legacy`);
    github.assertDone();
    expect(comments(github)).toEqual(['@Codertocat, `/spec-template waive`: waiving needs membership of @octo-org/spec-reviewers.']);
  });
});
