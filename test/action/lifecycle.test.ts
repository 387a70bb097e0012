/**
 * Issue 14, parts 1-3 in the Action: `enforce: new-problems` compares each changed spec with its
 * version at the base commit, and the job summary names the status a spec was held to.
 */
import { gitBlobSha } from '../../src/action/spec-files.js';
import { fixture } from '../helpers/fixtures.js';
import { API, FakeGitHub, noNetwork, pullRequestPayload, restoreNetwork } from '../helpers/github.js';
import { runInThisProcess, workspaceWith, writeEvent } from './helpers.js';

const spec = (name: string) => fixture(`specs/lifecycle/${name}.md`);
const CONFIG = 'paths: [rfcs/*.md]\ntemplate: 0000-template.md\ncomment: never\n';
const BASE_SHA: string = pullRequestPayload('opened').pull_request.base.sha;

async function runOn(github: FakeGitHub, files: Record<string, string>) {
  const result = await runInThisProcess({ workspace: workspaceWith(files), eventFile: writeEvent(pullRequestPayload('opened')), apiUrl: API, token: 'ghs_workflow_token' });
  github.assertDone();
  return result;
}

describe('the Action: only new problems block, statuses', () => {
  beforeEach(noNetwork);
  afterEach(restoreNetwork);
  const gitHub = (config: string) => new FakeGitHub().config(config).file('0000-template.md', fixture('templates/rfc-lifecycle.md'));

  test('enforce: new-problems: a typo fix in an old spec passes, a new spec with the same gaps fails', async () => {
    const fixed = spec('old-rfc-typo-fixed');
    const github = gitHub(`${CONFIG}enforce: new-problems\n`)
      .files([
        { filename: 'rfcs/0042-mirrors.md', status: 'modified', sha: gitBlobSha(Buffer.from(fixed)) },
        { filename: 'rfcs/0099-sources.md', status: 'added', sha: gitBlobSha(Buffer.from(spec('new-rfc'))) },
      ])
      .contentsAt('rfcs/0042-mirrors.md', BASE_SHA, spec('old-rfc'));
    const result = await runOn(github, { 'rfcs/0042-mirrors.md': fixed, 'rfcs/0099-sources.md': spec('new-rfc') });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', 'failed-files': JSON.stringify(['rfcs/0099-sources.md']) });
    expect(result.summary).toContain('| ✅ complete | missing-section (existing): Rollout, Prior art |');
    expect(result.summary).toContain('| ❌ incomplete | missing-section: Rollout, Prior art |');
  });

  test('statuses: a Draft passes with warnings, and the summary says which status applied', async () => {
    const draft = spec('draft-adr');
    const github = gitHub(`${CONFIG}statuses: { Draft: warnings, Accepted: all }\n`).files([{ filename: 'rfcs/0043-exports.md', status: 'added', sha: gitBlobSha(Buffer.from(draft)) }]);
    const result = await runOn(github, { 'rfcs/0043-exports.md': draft });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('| ✅ complete (status Draft: errors count as warnings) | missing-section: Rollout |');
  });
});
