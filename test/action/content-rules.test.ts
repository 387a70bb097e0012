/**
 * Issue 14, part 5 in the Action: a section's content rules (`must_contain`, `must_mention`,
 * `forbid`, `max_unchecked`) give their warnings in the annotations and the job summary, and fail
 * the run only with `fail-on: warning`.
 */
import { gitBlobSha } from '../../src/action/spec-files.js';
import { fixture } from '../helpers/fixtures.js';
import { API, FakeGitHub, noNetwork, pullRequestPayload, restoreNetwork } from '../helpers/github.js';
import { runInThisProcess, workspaceWith, writeEvent } from './helpers.js';

const SPEC = fixture('specs/rules/content/mixed.md');
// paths: [docs/specs/*.md], docs/TEMPLATE.md, a rule of each kind on Rollout, Design and Risks.
const CONFIG = fixture('config/content-rules.yml');

describe('the Action: content rules per section', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  test('each rule is a warning annotation on its line, listed in the summary; the run passes unless warnings fail it', async () => {
    const github = new FakeGitHub()
      .config(CONFIG)
      .file('docs/TEMPLATE.md', fixture('templates/design-doc.md'))
      .files([{ filename: 'docs/specs/ranking.md', status: 'added', sha: gitBlobSha(Buffer.from(SPEC)) }]);
    const result = await runInThisProcess({
      workspace: workspaceWith({ 'docs/specs/ranking.md': SPEC }),
      eventFile: writeEvent(pullRequestPayload('opened')),
      apiUrl: API,
      token: 'ghs_workflow_token',
    });
    github.assertDone();
    expect(result.code).toBe(0);
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings.some((line) => line.includes('line=14') && line.includes('says "best effort"'))).toBe(true);
    expect(warnings.some((line) => line.includes('does not mention any of "rollback", "roll back"'))).toBe(true);
    expect(warnings.some((line) => line.includes('unticked'))).toBe(true);
    expect(result.summary).toContain('forbidden-phrase');
    expect(result.summary).toContain('missing-content');
    expect(result.summary).toContain('unchecked-items');
  });
});
