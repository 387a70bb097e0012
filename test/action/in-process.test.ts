/**
 * The Action's pieces in this process: the runner's file formats, the inputs, and runs of the
 * whole Action against GitHub as nock answers it (every write checked against GitHub's OpenAPI
 * description) or against the stand-in where pagination needs real Link headers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitBlobSha } from '../../src/action/spec-files.js';
import { InputError, readInputs } from '../../src/action/inputs.js';
import { Workflow } from '../../src/action/workflow.js';
import { blobSha } from '../../tools/dev/github-stand-in/index.js';
import { API, FakeGitHub, HEAD_SHA, noNetwork, pullRequestPayload, REPO_PATH, restoreNetwork, stickyHeader } from '../helpers/github.js';
import { annotations, asStep, checkout, COMPLETE, INCOMPLETE, parseOutputs, pullRequestEventFile, runInThisProcess, seedRepo, SPEC, startGitHub, tempDir, workspaceWith, writeEvent } from './helpers.js';

/** Runs the Action in this process; what it prints is collected instead of written to stdout. */
describe('the runner file formats', () => {
  test('outputs are heredoc blocks the runner reads back, multi-line values included', async () => {
    const file = join(tempDir('output'), 'output');
    writeFileSync(file, '');
    await asStep({ GITHUB_OUTPUT: file }, () => {
      const workflow = new Workflow();
      workflow.setOutput('title', 'one line');
      workflow.setOutput('list', 'a\nb\n');
    });
    expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual({ title: 'one line', list: 'a\nb\n' });
  });

  test('a log line cannot smuggle in a workflow command, and annotation text is escaped', async () => {
    const { stdout } = await asStep({}, () => {
      const workflow = new Workflow();
      workflow.info('  docs/specs/x\n::set-output name=conclusion::success\n.spec.md');
      workflow.info('  ::warning::hi.spec.md');
      workflow.error('50% done\nnext line', { file: 'docs/a,b:c.md', line: 3, title: 'specgate' });
    });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('  docs/specs/x ::set-output name=conclusion::success .spec.md');
    expect(lines.slice(1, 4)).toEqual([expect.stringMatching(/^::stop-commands::specgate-[0-9a-f-]{36}$/), '  ::warning::hi.spec.md', `::${lines[1]!.split('::')[2]}::`]);
    expect(lines.slice(4)).toEqual(['::error title=specgate,file=docs/a%2Cb%3Ac.md,line=3::50%25 done%0Anext line', '']);
  });

  test("a file's git blob SHA is the one GitHub lists", () => {
    expect(gitBlobSha(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(gitBlobSha(Buffer.from(INCOMPLETE))).toBe(blobSha(Buffer.from(INCOMPLETE)));
  });
});

describe('the inputs', () => {
  test('are read as the runner names them; empty ones leave the configuration alone', async () => {
    const { result: inputs } = await asStep({ 'INPUT_PATHS': ' docs/rfcs/*.md \n\n# not this\n{a,b}/**/*.md\n', 'INPUT_CHECK-NAME': 'RFCs', INPUT_COMMENT: '', 'INPUT_GITHUB-TOKEN': 't' }, readInputs);
    expect(inputs).toEqual({ configPath: '.github/specgate.yml', overrides: { paths: ['docs/rfcs/*.md', '{a,b}/**/*.md'], check_name: 'RFCs' }, failOn: 'error', token: 't' });
  });

  test('wrong values are all named at once', async () => {
    await expect(asStep({ INPUT_COMMENT: 'loud', 'INPUT_FAIL-ON': 'notice', 'INPUT_CHECK-NAME': 'x'.repeat(101) }, readInputs)).rejects.toThrow(
      new InputError(
        [
          'The input "check-name" must be at most 100 characters.',
          'The input "comment" must be one of: on-failure, always, never (not "loud").',
          'The input "fail-on" must be one of: error, warning, never (not "notice").',
        ].join('\n'),
      ),
    );
  });
});

describe('the Action against GitHub as nock answers it', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);

  const event = (patch: Parameters<typeof pullRequestPayload>[1] = {}) => writeEvent(pullRequestPayload('opened', patch));
  const setup = (workspace: string, eventFile: string) => ({ workspace, eventFile, apiUrl: API, token: 'ghs_workflow_token' });

  test("follows _extends to the owner's .github repository, and posts the comment GitHub's API description allows", async () => {
    const rfc = COMPLETE;
    const github = new FakeGitHub()
      .config('_extends: .github\ncheck_name: RFC gate\n')
      .file('.github/specgate.yml', 'paths: ["rfcs/**/*.md"]\ncomment: always\n', '.github')
      .files([
        { filename: 'rfcs/0001-limits.md', sha: gitBlobSha(Buffer.from(rfc)) },
        { filename: SPEC, sha: gitBlobSha(Buffer.from(INCOMPLETE)) },
      ])
      .comments([])
      .createComment();
    const result = await runInThisProcess(setup(workspaceWith({ 'rfcs/0001-limits.md': rfc, [SPEC]: INCOMPLETE }), event()));

    github.assertDone();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Configuration: .github/specgate.yml, extending Codertocat/.github:.github/specgate.yml from the default branch (master), through the API.\n');
    expect(result.outputs).toMatchObject({ conclusion: 'success', specs: '1', title: 'The spec is complete' });
    const [body] = github.bodies(`${REPO_PATH}/issues/2/comments`);
    expect(body).toEqual({
      body: [...stickyHeader(HEAD_SHA), '### ✅ RFC gate: The spec is complete', '', 'Every spec in this pull request has all the sections its template asks for.', ''].join('\n'),
    });
  });

  test('a comment stamped by a later push is left alone; a 502 on the file list is retried', async () => {
    const later = { id: 302, body: [...stickyHeader('9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', '2019-05-15T15:24:10Z'), '### ✅ Spec completeness: The spec is complete', ''].join('\n') };
    const github = new FakeGitHub()
      .config(null)
      .filesFailing(502, 1)
      .files([{ filename: SPEC, sha: gitBlobSha(Buffer.from(INCOMPLETE)) }])
      .comments([{ id: 301, body: 'A question about retention.' }, later]);
    const result = await runInThisProcess(setup(workspaceWith({ [SPEC]: INCOMPLETE }), event()));

    github.assertDone();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Configuration: the defaults: the default branch (master) has no .github/specgate.yml (read through the API).\n');
    expect(result.stdout).toMatch(/^::debug::GET \S+\/repos\/Codertocat\/Hello-World\/pulls\/2\/files\S*: 502, retrying$/m);
    expect(result.stdout).toContain('Sticky comment: left alone, it describes a later push');
    expect(github.writes).toEqual([]);
  });

  test('a spec the workspace lacks is read by its blob SHA', async () => {
    const github = new FakeGitHub()
      .config(null)
      .files([{ filename: SPEC, sha: 'e1' }])
      .blob('e1', INCOMPLETE)
      .comments([])
      .createComment();
    const result = await runInThisProcess(setup(tempDir('empty'), event({ draft: false })));
    github.assertDone();
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).filter((annotation) => annotation.file === SPEC)).toHaveLength(7);
  });
});

describe('the Action against the stand-in, in this process', () => {
  test('a pull request with more files than one page lists every page, and checks the specs among them', async () => {
    const github = await startGitHub();
    try {
      const repo = seedRepo(github);
      const files: Record<string, string> = { [SPEC]: INCOMPLETE, 'docs/specs/z-last.md': COMPLETE };
      for (let index = 0; index < 230; index++) files[`src/file-${String(index).padStart(3, '0')}.ts`] = `export const n = ${index};\n`;
      repo.openPullRequest({ number: 5, headRef: 'big', files });
      const result = await runInThisProcess({ workspace: checkout(repo, 'big'), eventFile: pullRequestEventFile(repo, 5), apiUrl: github.apiUrl, token: github.token() });
      expect(result.stdout).toContain('The pull request changes 232 files: 2 specs to check.\n');
      expect(github.log.filter('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(3);
      expect(result.outputs).toMatchObject({ conclusion: 'failure', specs: '2', 'failed-files': JSON.stringify([SPEC]) });
      expect(github.unknownRequests).toEqual([]);
    } finally {
      await github.close();
    }
  });
});
