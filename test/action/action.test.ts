/**
 * The built GitHub Action (`node dist/action/index.js`) run as the runner runs it, against the
 * GitHub stand-in: exit codes, annotations, the job summary, the outputs, the sticky comment,
 * and where the configuration and the specs were read from.
 */
import { createRequire } from 'node:module';
import type { GitHubStandIn, RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { mergeGroupEvent } from '../../tools/dev/webhooks.js';
import { annotations, checkout, COMPLETE, INCOMPLETE, pullRequestEventFile, runAction, seedRepo, SPEC, startGitHub, tempDir, writeEvent } from './helpers.js';

const require = createRequire(import.meta.url);
const CONFIG_CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path+}';

/** The findings the README shows for examples/specs/audit-log-export.md, as annotations. */
const INCOMPLETE_ANNOTATIONS = [
  { level: 'error', line: 10, rule: 'placeholder-section', text: 'Section "Stakeholders" still holds only placeholders.' },
  { level: 'error', line: 13, rule: 'placeholder-section', text: 'Section "User Stories" still holds only the template\'s guidance.' },
  { level: 'error', line: 18, rule: 'empty-section', text: 'Section "API Contract" is empty.' },
  { level: 'warning', line: 23, rule: 'placeholder-text', text: 'Placeholder "TODO" left in "Data Model".' },
  { level: 'error', line: 25, rule: 'missing-section', text: 'Section "Orchestration" is missing.' },
  { level: 'error', line: 32, rule: 'missing-section', text: 'Section "Acceptance Criteria" is missing.' },
  { level: 'error', line: 36, rule: 'missing-section', text: 'Section "Open Questions" is missing.' },
].map(({ level, line, rule, text }) => ({ level, file: SPEC, line, title: `specgate ${rule}`, message: expect.stringContaining(text) }));

describe('the GitHub Action on a pull request', () => {
  let github: GitHubStandIn;
  let repo: RepoHandle;

  beforeEach(async () => {
    github = await startGitHub();
    repo = seedRepo(github, { '.github/specgate.yml': 'check_name: Spec gate\n' });
  });
  afterEach(async () => {
    await github.close();
    // Every call the Action made is one the stand-in implements, and the stand-in never failed itself.
    expect(github.unknownRequests).toEqual([]);
    expect(github.handlerErrors).toEqual([]);
  });

  const run = (workspace: string, eventFile: string, inputs: Record<string, string> = {}) =>
    runAction({ workspace, eventFile, apiUrl: github.apiUrl, token: github.token(), inputs });

  test('an incomplete spec fails the step: annotations on its lines, the table in the job summary, the outputs and one sticky comment', async () => {
    // The pull request also tries to weaken its own gate; the configuration comes from the default branch.
    const pull = repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE, '.github/specgate.yml': 'paths: [nothing/**]\ncheck_name: Weakened\n' } });
    const result = await run(checkout(repo, pull.headSha), pullRequestEventFile(repo, 2));

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual(INCOMPLETE_ANNOTATIONS);
    expect(result.stdout).toContain('Configuration: .github/specgate.yml from the default branch (master), through the API.\n');
    expect(result.stdout).toContain(`  ${SPEC}: read from the workspace\n`);
    expect(result.stdout).toContain('❌ Spec gate: 1 of 1 spec incomplete: 6 errors, 1 warning\n');
    // The contents API without `ref`: the default branch.
    const configReads = github.log.filter(CONFIG_CONTENTS);
    expect(configReads.map((record) => `${decodeURIComponent(record.path)}${record.query}`)).toEqual(['/repos/Codertocat/Hello-World/contents/.github/specgate.yml']);
    expect(github.log.filter('GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toEqual([]);

    const link = `${github.url}/Codertocat/Hello-World/blob/${pull.headSha}/${SPEC}`;
    expect(result.summary).toBe(
      [
        '## ❌ Spec gate: 1 of 1 spec incomplete: 6 errors, 1 warning',
        '',
        '| Spec | Template | Result | Problems |',
        '| --- | --- | --- | --- |',
        `| [${SPEC}](${link}) | built-in | ❌ incomplete | placeholder-section: Stakeholders, User Stories<br>empty-section: API Contract<br>placeholder-text: Data Model<br>missing-section: Orchestration, Acceptance Criteria, Open Questions |`,
        '',
        '<sub>Configuration: .github/specgate.yml from the default branch (master), through the API.</sub><br>',
        '<sub>Specs: 1 read from the workspace.</sub>',
        '',
      ].join('\n'),
    );

    const comments = repo.issueComments(2);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.user.login).toBe('github-actions[bot]');
    const body = comment!.body.split('\n');
    expect(body.slice(0, 3)).toEqual([
      '<!-- specgate:sticky -->',
      `<!-- specgate:stamp head=${pull.headSha} updated=${pull.updatedAt} -->`,
      '### ❌ Spec gate: 1 of 1 spec incomplete: 6 errors, 1 warning',
    ]);
    expect(comment!.body).toContain(`| [${SPEC}](${link}) | **Still the template:** Stakeholders, User Stories<br>**Empty:** API Contract<br>**Missing:** Orchestration, Acceptance Criteria, Open Questions |`);

    expect(result.outputs).toEqual({
      conclusion: 'failure',
      title: '1 of 1 spec incomplete: 6 errors, 1 warning',
      errors: '6',
      warnings: '1',
      specs: '1',
      'failed-files': JSON.stringify([SPEC]),
      'comment-url': expect.stringMatching(/#issuecomment-\d+$/),
    });
    expect(result.stdout).toContain(`Sticky comment: created (${result.outputs['comment-url']}).`);
  });

  test('a push that completes the spec passes the step and turns the same comment into the passing note', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const first = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(first.code).toBe(1);
    const [sticky] = repo.issueComments(2);

    const pushed = repo.push(2, { [SPEC]: COMPLETE });
    const second = await run(checkout(repo, pushed.headSha), pullRequestEventFile(repo, 2, 'synchronize'));
    expect(second.code).toBe(0);
    expect(annotations(second.stdout)).toEqual([]);
    expect(second.outputs).toMatchObject({ conclusion: 'success', title: 'The spec is complete', errors: '0', 'failed-files': '[]' });
    expect(second.summary).toContain('## ✅ Spec gate: The spec is complete\n');
    expect(second.summary).toContain(`| [${SPEC}](${github.url}/Codertocat/Hello-World/blob/${pushed.headSha}/${SPEC}) | built-in | ✅ complete |  |`);

    const comments = repo.issueComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(sticky!.id);
    expect(comments[0]!.body).toBe(
      [
        '<!-- specgate:sticky -->',
        `<!-- specgate:stamp head=${pushed.headSha} updated=${pushed.updatedAt} -->`,
        '### ✅ Spec gate: The spec is complete',
        '',
        'Every spec in this pull request has all the sections its template asks for.',
        '',
      ].join('\n'),
    );
    expect(second.stdout).toContain('Sticky comment: updated');
    expect(github.log.filter('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1);

    // The same event again: the comment already says so, and is not written.
    const third = await run(checkout(repo, pushed.headSha), pullRequestEventFile(repo, 2, 'synchronize'));
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('Sticky comment: unchanged');
    expect(github.log.filter('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1);
  });

  test("a run for a push the pull request has moved past judges that push's own files, and leaves the comment to the newest head", async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: COMPLETE } });
    const first = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(first.code).toBe(0);
    // Push A leaves the spec incomplete; push B, before A's job starts, completes it again.
    const pushA = repo.push(2, { [SPEC]: INCOMPLETE });
    const eventA = pullRequestEventFile(repo, 2, 'synchronize');
    repo.push(2, { [SPEC]: `${COMPLETE}\nOne more line.\n` });

    const late = await run(checkout(repo, pushA.headSha), eventA);

    // A's job is A's check: A's spec is incomplete, whatever the pull request's head holds now.
    expect(late.code).toBe(1);
    expect(late.outputs).toMatchObject({ conclusion: 'failure' });
    expect(late.stdout).toContain(`The pull request has moved past ${pushA.headSha.slice(0, 7)}`);
    expect(late.stdout).toContain('Sticky comment: left to the run for the newest head.');
    expect(repo.issueComments(2)).toEqual([]);
  });

  test('past the 3,000 files GitHub lists, the trees are compared: an incomplete spec beyond the list fails the step', async () => {
    const files: Record<string, string> = { 'zz/specs/late.md': INCOMPLETE };
    for (let index = 0; index < 3005; index++) files[`src/file-${String(index).padStart(4, '0')}.ts`] = `export const n = ${index};\n`;
    const pull = repo.openPullRequest({ number: 2, headRef: 'huge', files });
    const result = await run(checkout(repo, pull.headSha), pullRequestEventFile(repo, 2), { paths: 'zz/specs/**/*.md' });

    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', 'failed-files': JSON.stringify(['zz/specs/late.md']) });
    expect(result.stdout).toContain('every other changed spec was found by comparing the base and head trees');
  });

  test('annotations: false prints no annotation; the job summary and the comment still list every problem', async () => {
    repo.commit({ '.github/specgate.yml': 'check_name: Spec gate\nannotations: false\n' });
    const pull = repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const result = await run(checkout(repo, pull.headSha), pullRequestEventFile(repo, 2));

    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([]);
    expect(result.summary).toContain('missing-section: Orchestration, Acceptance Criteria, Open Questions');
    expect(repo.issueComments(2)[0]!.body).not.toContain('annotation');
  });

  test('a pull request without spec files passes with "No spec files changed" and posts no comment', async () => {
    repo.openPullRequest({ number: 3, headRef: 'readme', files: { 'README.md': '# Hello-World\n\nMore.\n' } });
    const result = await run(checkout(repo, 'readme'), pullRequestEventFile(repo, 3));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'success', title: 'No spec files changed', specs: '0', 'comment-url': '' });
    expect(result.summary).toContain('No spec file was added or changed, so there was nothing to check.');
    expect(result.stdout).toContain('Sticky comment: none (nothing to say yet).');
    expect(repo.issueComments(3)).toEqual([]);
  });

  test("the checkout holds another version (GitHub's merge commit): the spec is read by blob SHA through the API", async () => {
    const pull = repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const blob = pull.files.find((file) => file.filename === SPEC)!.sha!;
    const result = await run(checkout(repo, pull.headSha, { [SPEC]: COMPLETE }), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual(INCOMPLETE_ANNOTATIONS);
    expect(result.stdout).toContain(`  ${SPEC}: read through the API (blob ${blob.slice(0, 7)}; the workspace holds another version or none)\n`);
    expect(github.log.filter('GET /repos/{owner}/{repo}/git/blobs/{file_sha}').map((record) => record.path)).toEqual([`/repos/Codertocat/Hello-World/git/blobs/${blob}`]);
    expect(result.summary).toContain('<sub>Specs: 1 through the API by blob SHA.</sub>');
  });

  test('a failing draft is neutral: the step passes and no comment is created', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', draft: true, files: { [SPEC]: INCOMPLETE } });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(0);
    expect(annotations(result.stdout)).toEqual(INCOMPLETE_ANNOTATIONS);
    expect(result.outputs).toMatchObject({ conclusion: 'neutral', title: 'Draft: 1 of 1 spec incomplete: 6 errors, 1 warning', errors: '6' });
    expect(result.stdout).toContain('This is a draft: problems are reported without failing the step');
    expect(result.summary).toContain('## ⚪ Spec gate: Draft: 1 of 1 spec incomplete');
    expect(result.summary).toContain('This is a draft: the check reports problems without failing until it is ready for review.');
    expect(repo.issueComments(2)).toEqual([]);
  });

  test('the skip label passes the step without checking, naming who added it', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', labels: ['spec-check: skip'], files: { [SPEC]: INCOMPLETE } });
    const event = pullRequestEventFile(repo, 2, 'labeled', (payload) => {
      payload.label = { ...payload.label, name: 'spec-check: skip' };
      payload.sender.login = 'octocat';
    });
    const result = await run(checkout(repo, 'changes'), event);
    expect(result.code).toBe(0);
    expect(annotations(result.stdout)).toEqual([]);
    expect(result.outputs).toMatchObject({ conclusion: 'success', title: 'Skipped by label "spec-check: skip"', specs: '0' });
    expect(result.summary).toContain('## ⏭️ Spec gate: Skipped by label "spec-check: skip"');
    expect(result.summary).toContain('The label `spec-check: skip` was added by @octocat, so specs were not checked.');
    expect(github.log.filter('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toEqual([]);
  });

  test('the configuration\'s "comment" and inputs in place of settings: paths, template, check-name, comment', async () => {
    const template = '# ADR\n\n## Context\nWhy.\n\n## Decision\nWhat.\n\n## Consequences\nWhat follows.\n';
    repo.commit({ 'docs/adr/TEMPLATE.md': template });
    const adr = '# ADR 1: Use specgate\n\n## Context\nSpecs arrive incomplete.\n\n## Decision\nWe gate pull requests on them.\n\n## Consequences\nReviewers read complete specs.\n';
    repo.openPullRequest({ number: 4, headRef: 'adr', files: { 'docs/adr/0001-specgate.md': adr, [SPEC]: INCOMPLETE } });
    const result = await run(checkout(repo, 'adr'), pullRequestEventFile(repo, 4), {
      paths: 'docs/adr/*.md\n# a comment line\n',
      template: 'docs/adr/TEMPLATE.md',
      'check-name': 'ADRs',
      comment: 'always',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Inputs in place of the configuration\'s settings: `paths`, `template`, `check-name`, `comment`.');
    expect(result.outputs).toMatchObject({ conclusion: 'success', title: 'The spec is complete', specs: '1' });
    expect(result.summary).toContain('| docs/adr/TEMPLATE.md | ✅ complete |');
    // `always`: a passing pull request gets the comment too.
    expect(repo.issueComments(4).map((comment) => comment.body.split('\n')[2])).toEqual(['### ✅ ADRs: The spec is complete']);
  });

  test('comment: never posts nothing, and fail-on: never passes the step on errors', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2), { comment: 'never', 'fail-on': 'never' });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', errors: '6' });
    expect(result.stdout).toContain('fail-on: never, so the step passes all the same.');
    expect(github.log.filter(/ \/repos\/[^/]+\/[^/]+\/issues\//)).toEqual([]);
  });

  test('fail-on: warning counts warnings as errors', async () => {
    const todo = COMPLETE.replace(/^(## 11\. Rollout\n)/m, '$1The beta customers are TODO.\n');
    expect(todo).not.toBe(COMPLETE);
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: todo } });
    const lenient = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(lenient.code).toBe(0);
    expect(annotations(lenient.stdout).map((annotation) => annotation.level)).toEqual(['warning']);

    const strict = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2), { 'fail-on': 'warning' });
    expect(strict.code).toBe(1);
    expect(annotations(strict.stdout)).toEqual([expect.objectContaining({ level: 'error', file: SPEC, title: 'specgate placeholder-text' })]);
    expect(strict.outputs).toMatchObject({ conclusion: 'failure', errors: '1', warnings: '0', 'failed-files': JSON.stringify([SPEC]) });
  });

  test('require_spec: a pull request that changes matching files without a spec fails', async () => {
    repo.commit({ '.github/specgate.yml': 'check_name: Spec gate\nrequire_spec:\n  when_changed: ["src/**"]\n' });
    repo.openPullRequest({ number: 6, headRef: 'code', files: { 'src/limits.ts': 'export const limit = 100;\n' } });
    const result = await run(checkout(repo, 'code'), pullRequestEventFile(repo, 6));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', title: 'A spec is required: 1 changed file needs one', specs: '0', errors: '0' });
    expect(result.summary).toContain('- `src/limits.ts`');
    expect(repo.issueComments(6).map((comment) => comment.body)).toEqual([expect.stringContaining('This pull request changes `src/limits.ts`, which needs a spec, but adds or changes none.')]);
  });

  test('a configuration error on the default branch fails the step with an error on its line, and no comment', async () => {
    repo.commit({ '.github/specgate.yml': 'check_name: Spec gate\ncomment: sometimes\n' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      { level: 'error', file: '.github/specgate.yml', line: 2, title: 'specgate configuration', message: '"comment" must be one of: on-failure, always, never.' },
    ]);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', title: 'Configuration error in .github/specgate.yml' });
    expect(result.summary).toContain('## ❌ Spec completeness: Configuration error in .github/specgate.yml');
    expect(result.summary).toContain('- line 2: "comment" must be one of: on-failure, always, never.');
    expect(repo.issueComments(2)).toEqual([]);
  });

  test('a template the configuration names but the default branch lacks is a configuration error on that line', async () => {
    repo.commit({ '.github/specgate.yml': 'check_name: Spec gate\n\ntemplate: docs/specs/TEMPLATE.md\n' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE, 'docs/specs/TEMPLATE.md': '# T\n\n## Only\n' } });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      { level: 'error', file: '.github/specgate.yml', line: 3, title: 'specgate configuration', message: 'The template "docs/specs/TEMPLATE.md" does not exist.' },
    ]);
  });

  test("the API cannot give the configuration: the workspace's file is used, and the log warns", async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE, '.github/specgate.yml': 'check_name: From the pull request\n' } });
    github.failNext(CONFIG_CONTENTS, 403, { times: 1 });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)[0]).toEqual({
      level: 'warning',
      title: 'specgate configuration',
      message: expect.stringMatching(/^specgate: the API could not be read \(HTTP 403: .*\), so the configuration is read from the workspace, which holds the pull request's version\.$/),
    });
    expect(result.stdout).toContain('Configuration: .github/specgate.yml from the workspace.\n');
    expect(result.outputs.title).toBe('1 of 1 spec incomplete: 6 errors, 1 warning');
    expect(result.summary).toContain('## ❌ From the pull request: ');
  });

  test('without a token: the workspace is all there is, and the log says why', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE, 'docs/specs/api-rate-limits.md': COMPLETE } });
    const result = await runAction({ workspace: checkout(repo, 'changes'), eventFile: pullRequestEventFile(repo, 2), apiUrl: github.apiUrl, token: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::warning title=specgate configuration::specgate: no github-token was given, so the configuration is read from the workspace');
    expect(result.stdout).toContain("::warning::specgate: without a github-token the pull request's files cannot be listed, so every spec under the configured paths in the workspace is checked.");
    expect(result.outputs).toMatchObject({ specs: '2', 'failed-files': JSON.stringify([SPEC]) });
    expect(result.stdout).toContain('Sticky comment: none (no github-token).');
    expect(github.requests).toEqual([]);
  });

  test('a GitHub failure the retries do not cure: the step fails and says why', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    github.failNext('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 404, { times: 1 });
    const result = await run(checkout(repo, 'changes'), pullRequestEventFile(repo, 2));
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([{ level: 'error', title: 'specgate', message: expect.stringMatching(/^specgate could not finish the check: HTTP 404/) }]);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', title: 'specgate could not finish the check' });
    expect(result.summary).toContain('Re-run the job to try again.');
  });
});

describe('the GitHub Action on a pull request from a fork (a read-only token)', () => {
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHub({ auth: { permissions: { contents: 'read', metadata: 'read', pull_requests: 'read', issues: 'read' } } });
  });
  afterAll(() => github.close());

  test('the comment is refused (403): a notice, not a failure; the gate still fails on the spec', async () => {
    const repo = seedRepo(github);
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { [SPEC]: INCOMPLETE } });
    const event = pullRequestEventFile(repo, 2, 'opened', (payload) => {
      payload.pull_request.head.repo.full_name = 'octocat/Hello-World';
    });
    const result = await runAction({ workspace: checkout(repo, 'changes'), eventFile: event, apiUrl: github.apiUrl, token: github.token() });
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).filter((annotation) => annotation.level === 'notice')).toEqual([
      {
        level: 'notice',
        title: 'specgate comment',
        message: 'The token may not comment on this pull request (HTTP 403: a pull request from a fork gets a read-only token). The job summary and the annotations have the results.',
      },
    ]);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', errors: '6', 'comment-url': '' });
    expect(github.log.filter('POST /repos/{owner}/{repo}/issues/{issue_number}/comments').map((record) => record.status)).toEqual([403]);
    expect(repo.issueComments(2)).toEqual([]);
    expect(result.summary).toContain('| ❌ incomplete |');
  });
});

describe('the GitHub Action on other events', () => {
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHub();
  });
  afterAll(() => github.close());

  test('a push checks every spec under the configured paths in the workspace, with the default branch\'s configuration', async () => {
    const repo = seedRepo(github, { '.github/specgate.yml': 'paths: [docs/specs/**/*.md]\n', [SPEC]: INCOMPLETE, 'docs/specs/api-rate-limits.md': COMPLETE, 'notes/draft.md': '# Notes\n' });
    const definitions = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: any[] }>;
    const push = structuredClone(definitions.find((definition) => definition.name === 'push')!.examples[0]);
    const sha = repo.state.branches.get('master')!;
    push.after = sha;
    push.repository.html_url = `${github.url}/Codertocat/Hello-World`;
    const result = await runAction({ workspace: checkout(repo, 'master'), eventName: 'push', eventFile: writeEvent(push), sha, apiUrl: github.apiUrl, token: github.token() });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('specgate: push in Codertocat/Hello-World\n');
    expect(result.stdout).toContain('The event "push" is not a pull request: checking every spec under the configured paths in the workspace');
    expect(result.stdout).toContain('Configuration: .github/specgate.yml from the default branch (master), through the API.\n');
    expect(annotations(result.stdout)).toEqual(INCOMPLETE_ANNOTATIONS);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', title: '1 of 2 specs incomplete: 6 errors, 1 warning', specs: '2', 'failed-files': JSON.stringify([SPEC]) });
    expect(result.summary).toContain(`| [docs/specs/api-rate-limits.md](${github.url}/Codertocat/Hello-World/blob/${sha}/docs/specs/api-rate-limits.md) | built-in | ✅ complete |  |`);
    expect(result.summary).toContain('<sub>Specs: every file under the configured `paths` in the workspace, 2 specs.</sub>');
    // No pull request, no comment.
    expect(github.requests.map((record) => `${record.method} ${decodeURIComponent(record.path)}${record.query}`)).toEqual(['GET /repos/Codertocat/Hello-World/contents/.github/specgate.yml']);
  });

  test('a merge_group checks only the specs between the merge group\'s base and head, not every spec in the workspace', async () => {
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Queue', files: { 'README.md': '# Queue\n', 'docs/specs/old.md': '# Old\n\nNever completed.\n' } });
    repo.openPullRequest({ number: 7, headRef: 'complete', files: { [SPEC]: COMPLETE } });
    const group = repo.mergeGroup(7);
    const event = mergeGroupEvent(repo, group);
    const run = (workspace: string) => runAction({ workspace, eventName: 'merge_group', eventFile: writeEvent(event), sha: group.headSha, apiUrl: github.apiUrl, token: github.token(), repository: 'Codertocat/Queue' });

    const result = await run(checkout(repo, group.headSha));

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'success', specs: '1', 'failed-files': '[]' });
    expect(result.stdout).toContain(`The merge group ${group.headSha.slice(0, 7)} (on ${group.baseSha.slice(0, 7)}) changes 1 file: 1 spec to check.`);
  });

  test('no spec anywhere: the step passes and says nothing matched', async () => {
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Empty', files: { 'README.md': '# Empty\n' } });
    const result = await runAction({ workspace: checkout(repo, 'main'), eventName: 'workflow_dispatch', eventFile: writeEvent({}), apiUrl: github.apiUrl, token: '' });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'success', title: 'No spec files found', specs: '0' });
    expect(result.summary).toContain('No file in the workspace matches the configured `paths` (`docs/specs/**/*.md`, `specs/**/*.md`, `**/*.spec.md`), so there was nothing to check.');
  });

  test('inputs the Action cannot run with fail the step before anything else, naming the input', async () => {
    const result = await runAction({ workspace: tempDir('empty'), eventName: 'push', eventFile: writeEvent({}), inputs: { comment: 'sometimes', 'fail-on': 'warnings' } });
    expect(result.code).toBe(1);
    expect(annotations(result.stdout)).toEqual([
      { level: 'error', title: 'specgate', message: 'The input "comment" must be one of: on-failure, always, never (not "sometimes").' },
      { level: 'error', title: 'specgate', message: 'The input "fail-on" must be one of: error, warning, never (not "warnings").' },
    ]);
    expect(result.outputs).toEqual({});
  });
});
