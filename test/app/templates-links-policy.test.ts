/**
 * Issue 6/6 in the app: a template chosen by front matter, specs the description links, and an
 * organisation's locked sections that a repository cannot switch off.
 */
import { fixture } from '../helpers/fixtures.js';
import { appForEachTest, deliver, FakeGitHub, HEAD_SHA, OWNER, pullRequestPayload, REPO_PATH } from '../helpers/github.js';

const app = appForEachTest();
const CHECK_RUNS = `${REPO_PATH}/check-runs`;

const ADR_TEMPLATE = '# ADR\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n';
const RFC_TEMPLATE = '# RFC\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
const ADR = '# Queues\n\n## Context\n\nJobs pile up during the nightly import.\n\n## Decision\n\nWe use one queue per tenant.\n';
const RFC = '---\ntitle: Search\ntemplate: rfc\n---\n# Search\n\n## Motivation\n\nPeople cannot find their old invoices.\n';
const UNKNOWN = '---\ntemplate: rfcc\n---\n# Other\n\n## Motivation\n\nSomething.\n';

describe('templates chosen by path and by front matter', () => {
  test('each spec is checked against its own template, and the check run names it; an unknown name is a finding on its line', async () => {
    const config = ['paths: [docs/**/*.md]', 'templates:', '  docs/adr/**: docs/adr/TEMPLATE.md', 'named_templates:', '  rfc: docs/rfc/TEMPLATE.md', 'review_comments: false', 'comment: never', ''].join('\n');
    const github = new FakeGitHub()
      .token()
      .config(config)
      .files([
        { filename: 'docs/adr/0001-queues.md', sha: 'a1' },
        { filename: 'docs/specs/search.md', sha: 'r1' },
        { filename: 'docs/specs/other.md', sha: 'u1' },
      ])
      .file('docs/adr/TEMPLATE.md', ADR_TEMPLATE)
      .blob('a1', ADR)
      .blob('r1', RFC)
      .blob('u1', UNKNOWN)
      // Only the front matter asks for the RFC template: it is read once the specs are.
      .file('docs/rfc/TEMPLATE.md', RFC_TEMPLATE)
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { changedFiles: 3 }));

    github.assertDone();
    const [run] = github.bodies(CHECK_RUNS);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toBe('2 of 3 specs incomplete: 2 errors');
    const url = (path: string) => `https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/${path}`;
    expect(run.output.summary).toBe(
      [
        '| Spec | Template | Result | Problems |',
        '| --- | --- | --- | --- |',
        `| [docs/adr/0001-queues.md](${url('docs/adr/0001-queues.md')}) | docs/adr/TEMPLATE.md | ✅ complete |  |`,
        `| [docs/specs/search.md](${url('docs/specs/search.md')}) | docs/rfc/TEMPLATE.md | ❌ incomplete | missing-section: Design |`,
        `| [docs/specs/other.md](${url('docs/specs/other.md')}) | rfcc (unknown) | ❌ incomplete | unknown-template: (front matter) |`,
      ].join('\n'),
    );
    expect(run.output.annotations).toContainEqual({
      path: 'docs/specs/other.md',
      start_line: 2,
      end_line: 2,
      annotation_level: 'failure',
      title: 'unknown-template: (front matter)',
      message: 'The front matter names the template "rfcc", which the configuration does not define, so the spec was not checked. Did you mean "rfc"? Named templates: rfc.',
    });
  });
});

describe('specs the pull request description links', () => {
  const CONFIG = 'comment: never\nreview_comments: false\n';

  test('a linked spec the pull request does not change is read at the head commit and checked', async () => {
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'src/rate-limit.ts', status: 'modified' }])
      .contentsAt('docs/specs/api-rate-limits.md', HEAD_SHA, fixture('app/complete.md'))
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { body: 'Implements the limits.\r\n\r\nSpec: docs/specs/api-rate-limits.md\r\n' }));

    github.assertDone();
    const [run] = github.bodies(CHECK_RUNS);
    expect(run.conclusion).toBe('success');
    expect(run.output.title).toBe('The spec is complete');
    expect(run.output.summary).toContain(`| [docs/specs/api-rate-limits.md](https://github.com/Codertocat/Hello-World/blob/${HEAD_SHA}/docs/specs/api-rate-limits.md) | built-in | ✅ complete |  |`);
  });

  test('a linked spec that does not exist fails the check with a finding that says where the link is, and no annotation on a file that is not there', async () => {
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'src/rate-limit.ts', status: 'modified' }])
      .contentsAt('docs/specs/rate-limits.md', HEAD_SHA, null)
      .contentsAt('docs/specs', HEAD_SHA, 'dir')
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { body: 'Spec: docs/specs/rate-limits.md\nSpec: docs/specs\nSpec: https://example.com/x.md' }));

    github.assertDone();
    const [run] = github.bodies(CHECK_RUNS);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toBe('3 of 3 specs incomplete: 3 errors');
    expect(run.output.summary).toContain('| [docs/specs/rate-limits.md](');
    expect(run.output.summary).toContain('linked-spec-missing: (file)');
    expect(run.output.annotations).toBeUndefined();
  });

  test('a linked spec the pull request changes is checked once, from its blob', async () => {
    const github = new FakeGitHub()
      .token()
      .config(CONFIG)
      .files([{ filename: 'docs/specs/api-rate-limits.md', sha: 'c1' }])
      .blob('c1', fixture('app/complete.md'))
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { body: 'Spec: docs/specs/api-rate-limits.md' }));

    github.assertDone();
    expect(github.bodies(CHECK_RUNS)[0].output.title).toBe('The spec is complete');
  });

  test('spec_link_prefix: "" turns linking off', async () => {
    const github = new FakeGitHub().token().config(`${CONFIG}spec_link_prefix: ''\n`).files([{ filename: 'src/a.ts' }]).createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened', { body: 'Spec: docs/specs/api-rate-limits.md' }));

    github.assertDone();
    expect(github.bodies(CHECK_RUNS)[0].output.title).toBe('No spec files changed');
  });
});

describe("an organisation's policy with locked sections", () => {
  const TEMPLATE = '# Spec\n\n## Summary\n\nWhat.\n\n## Security\n\nThreats.\n\n## Rollout\n\nSteps.\n';
  const ORG_CONFIG = ['template: docs/specs/TEMPLATE.md', 'sections:', '  Security:', '    locked: true', '  Rollout:', '    required: false', 'comment: never', 'review_comments: false', ''].join('\n');
  const SPEC = '# Billing\n\n## Summary\n\nInvoices in euros as well as dollars.\n';

  test("a repository's required: false for a locked section is ignored, and the check run says so", async () => {
    const repoConfig = ['_extends: .github', 'sections:', '  Security:', '    required: false', ''].join('\n');
    const github = new FakeGitHub()
      .token()
      .config(repoConfig)
      .file('.github/specgate.yml', ORG_CONFIG, '.github')
      .files([{ filename: 'docs/specs/billing.md', sha: 's1' }])
      .file('docs/specs/TEMPLATE.md', null)
      .file('docs/specs/TEMPLATE.md', TEMPLATE, '.github')
      .blob('s1', SPEC)
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    const [run] = github.bodies(CHECK_RUNS);
    expect(run.conclusion).toBe('failure');
    expect(run.output.annotations.map((annotation: { title: string }) => annotation.title)).toEqual(['missing-section: Security']);
    expect(run.output.summary.split('\n').slice(-3)).toEqual([
      '> [!NOTE]',
      '> The configuration inherits locked sections; these settings of it were ignored:',
      `> - \`sections.Security.required: false\` in ${OWNER}/Hello-World:.github/specgate.yml is ignored: the section "Security" is locked by ${OWNER}/.github:.github/specgate.yml, so it stays as required as the template makes it.`,
    ]);
  });

  test("a repository's sections add to the organisation's instead of replacing them, and may tighten a locked one", async () => {
    const repoConfig = ['_extends: .github', 'sections:', '  Security:', '    min_words: 3', '  Rollout:', '    required: true', ''].join('\n');
    const github = new FakeGitHub()
      .token()
      .config(repoConfig)
      .file('.github/specgate.yml', ORG_CONFIG, '.github')
      .files([{ filename: 'docs/specs/billing.md', sha: 's1' }])
      .file('docs/specs/TEMPLATE.md', TEMPLATE)
      .blob('s1', `${SPEC}\n## Security\n\nTLS.\n`)
      .createCheckRun();

    await deliver(app(), 'pull_request', pullRequestPayload('opened'));

    github.assertDone();
    const [run] = github.bodies(CHECK_RUNS);
    expect(run.output.annotations.map((annotation: { title: string }) => annotation.title)).toEqual(['short-section: Security', 'missing-section: Rollout']);
    expect(run.output.summary).not.toContain('[!NOTE]');
  });
});
