/**
 * Issue 6/6 in the Action: a template chosen by front matter, specs the pull request's description
 * links, and an organisation's locked sections, as the app does them.
 */
import { gitBlobSha } from '../../src/action/spec-files.js';
import { API, FakeGitHub, HEAD_SHA, noNetwork, pullRequestPayload, restoreNetwork } from '../helpers/github.js';
import { annotations, COMPLETE, runInThisProcess, workspaceWith, writeEvent } from './helpers.js';

const RFC_TEMPLATE = '# RFC\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
const RFC = '---\ntemplate: rfc\n---\n# Search\n\n## Motivation\n\nPeople cannot find their old invoices.\n';

describe('the Action: named templates, linked specs and locked sections', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);
  const setup = (workspace: string, body: string) => ({ workspace, eventFile: writeEvent(pullRequestPayload('opened', { body })), apiUrl: API, token: 'ghs_workflow_token' });

  test('front matter picks the template; a linked spec is read at the head commit; the summary names each template', async () => {
    const github = new FakeGitHub()
      .config('named_templates:\n  rfc: docs/rfc/TEMPLATE.md\ncomment: never\n')
      .files([{ filename: 'docs/specs/search.md', sha: gitBlobSha(Buffer.from(RFC)) }])
      .contentsAt('docs/specs/api-rate-limits.md', HEAD_SHA, COMPLETE)
      .contentsAt('docs/specs/gone.md', HEAD_SHA, null)
      .file('docs/rfc/TEMPLATE.md', RFC_TEMPLATE);
    const body = 'Search.\n\nSpec: docs/specs/api-rate-limits.md\nSpec: docs/specs/gone.md\n';
    const result = await runInThisProcess(setup(workspaceWith({ 'docs/specs/search.md': RFC }), body));

    github.assertDone();
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', specs: '3', 'failed-files': JSON.stringify(['docs/specs/search.md', 'docs/specs/gone.md']) });
    expect(result.summary).toContain(`| [docs/specs/search.md](https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/docs/specs/search.md) | docs/rfc/TEMPLATE.md | ❌ incomplete | missing-section: Design |`);
    expect(result.summary).toContain('| [docs/specs/api-rate-limits.md]');
    expect(result.summary).toContain('| built-in | ✅ complete |');
    expect(result.summary).toContain('linked-spec-missing: (file)');
    expect(result.summary).toContain('Specs: 1 read from the workspace, 2 linked specs from the description, at the head commit.');
    expect(annotations(result.stdout).find((annotation) => annotation.file === 'docs/specs/gone.md')?.message).toContain('no such file exists at the head commit ec26c3e');
  });

  test("a repository's loosening of a locked section is ignored, with a warning and a note in the summary", async () => {
    const template = '# Spec\n\n## Summary\n\nWhat.\n\n## Security\n\nThreats.\n';
    const spec = '# Billing\n\n## Summary\n\nInvoices in euros as well as dollars.\n';
    const github = new FakeGitHub()
      .config('_extends: .github\nsections:\n  Security:\n    required: false\n')
      .file('.github/specgate.yml', 'template: docs/specs/TEMPLATE.md\ncomment: never\nsections:\n  Security:\n    locked: true\n    required: true\n', '.github')
      .files([{ filename: 'docs/specs/billing.md', sha: gitBlobSha(Buffer.from(spec)) }])
      .file('docs/specs/TEMPLATE.md', template);
    const result = await runInThisProcess(setup(workspaceWith({ 'docs/specs/billing.md': spec }), ''));

    github.assertDone();
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).map((annotation) => annotation.title)).toContain('specgate missing-section');
    const notice =
      '`sections.Security.required: false` in Codertocat/Hello-World:.github/specgate.yml is ignored: the section "Security" is locked by Codertocat/.github:.github/specgate.yml, so `required: true` stays.';
    expect(result.stdout).toContain(`::warning title=specgate configuration::specgate: ${notice}`);
    expect(result.summary).toContain(`> - ${notice}`);
  });
});
