/**
 * Issue 14, part 5 in the app, through signed webhooks: a section's content rules are warnings in
 * the check run (its summary and its annotations), and the check passes on them.
 */
import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const app = appForEachTest();
const SHA = 'c'.padEnd(40, '0');
// paths: [docs/specs/*.md], docs/TEMPLATE.md, a rule of each kind on Rollout, Design and Risks.
const CONFIG = fixture('config/content-rules.yml');

test('missing-content, forbidden-phrase and unchecked-items are warnings on their lines; the check passes', async () => {
  const github = new FakeGitHub()
    .token()
    .config(CONFIG)
    .file('docs/TEMPLATE.md', fixture('templates/design-doc.md'))
    .files([{ filename: 'docs/specs/ranking.md', status: 'added', sha: SHA }])
    .blob(SHA, fixture('specs/rules/content/mixed.md'))
    .createCheckRun();
  await deliver(app(), 'pull_request', pullRequestPayload('synchronize'));
  github.assertDone();
  const run = github.bodies(`${REPO_PATH}/check-runs`)[0] as { conclusion: string; output: { summary: string; annotations: Array<{ start_line: number; annotation_level: string; message: string }> } };
  expect(run.conclusion).toBe('success');
  const warnings = run.output.annotations.filter((annotation) => annotation.annotation_level === 'warning');
  expect(warnings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ start_line: 14, message: expect.stringContaining('says "best effort"') }),
      expect.objectContaining({ message: expect.stringContaining('does not mention any of "rollback", "roll back"') }),
      expect.objectContaining({ message: expect.stringContaining('unticked') }),
    ]),
  );
  for (const rule of ['missing-content', 'forbidden-phrase', 'unchecked-items']) expect(run.output.summary).toContain(rule);
});
