/**
 * `specgate waivers`: the audit list of every waiver the GitHub App recorded in a repository's
 * pull request comments, read over real HTTP from a stand-in for GitHub's REST API (two pages, an
 * app comment with two waivers, one without any, and a comment by a person).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { STICKY_MARKER } from '../../src/render/sticky-comment.js';
import { withWaivers } from '../../src/waivers/record.js';
import type { Waiver } from '../../src/waivers/waivers.js';
import { ROOT } from '../helpers/fixtures.js';

const waiver = (path: string, section: string, by: string, reason: string): Waiver => ({ path, section, by, reason, at: '2026-11-30T10:00:00Z', contentHash: 'a'.repeat(64) });

const appComment = (waivers: Waiver[]) => withWaivers(`${STICKY_MARKER}\n\n**Spec completeness**: 1 of 1 spec incomplete.`, waivers);

let server: Server;
let api: string;
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request);
    const url = new URL(request.url ?? '/', api);
    if (url.pathname !== '/repos/octo-org/specs/issues/comments') return void response.writeHead(404).end('{"message":"Not Found"}');
    const page = url.searchParams.get('page') ?? '1';
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const comments =
      page === '1'
        ? [
            { body: appComment([waiver('docs/specs/a.md', 'Security', 'alice', 'no new attack surface: read-only'), waiver('docs/specs/a.md', 'Rollout', 'bob', 'ships with the next release train')]), html_url: 'https://github.com/octo-org/specs/pull/7#issuecomment-1', issue_url: `${api}/repos/octo-org/specs/issues/7` },
            { body: '/spec-template waive Security — no new attack surface', html_url: 'https://github.com/octo-org/specs/pull/7#issuecomment-2', issue_url: `${api}/repos/octo-org/specs/issues/7` },
          ]
        : [{ body: appComment([]), html_url: 'https://github.com/octo-org/specs/pull/9#issuecomment-3', issue_url: `${api}/repos/octo-org/specs/issues/9` }];
    if (page === '1') headers.link = `<${api}/repos/octo-org/specs/issues/comments?per_page=100&page=2>; rel="next"`;
    response.writeHead(200, headers).end(JSON.stringify(comments));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The CLI as a subprocess, without blocking this process's event loop (the stand-in answers it). */
function specgate(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/specgate.js'), ...args], { env: { ...process.env, NO_COLOR: '1', GITHUB_API_URL: api, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('specgate waivers', () => {
  test('lists every waiver the app recorded, across pages, with the pull request, who and why', async () => {
    const { code, stdout } = await specgate(['waivers', '--repo', 'octo-org/specs'], { GITHUB_TOKEN: 'token-for-the-audit' });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '#7  docs/specs/a.md  "Security"  waived by @alice on 2026-11-30: no new attack surface: read-only',
        '#7  docs/specs/a.md  "Rollout"  waived by @bob on 2026-11-30: ships with the next release train',
        '',
        '2 waivers in octo-org/specs.',
        '',
      ].join('\n'),
    );
    expect(requests.at(-1)!.headers.authorization).toBe('Bearer token-for-the-audit');
  });

  test('--format json gives the records, each with its pull request and comment', async () => {
    const { code, stdout } = await specgate(['waivers', '--repo', 'octo-org/specs', '-f', 'json'], {});
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { repository: string; waivers: Array<{ pullRequest: number; section: string; comment: string }> };
    expect(report.repository).toBe('octo-org/specs');
    expect(report.waivers.map(({ pullRequest, section, comment }) => [pullRequest, section, comment])).toEqual([
      [7, 'Security', 'https://github.com/octo-org/specs/pull/7#issuecomment-1'],
      [7, 'Rollout', 'https://github.com/octo-org/specs/pull/7#issuecomment-1'],
    ]);
  });

  test('a repository GitHub does not show is exit 2 with one line that says why; no repository named is exit 2 too', async () => {
    const missing = await specgate(['waivers', '--repo', 'octo-org/nothing'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('GitHub has no repository octo-org/nothing: a private one needs GITHUB_TOKEN.');
    const unnamed = await specgate(['waivers'], { GITHUB_REPOSITORY: '' });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('specgate waivers --repo OWNER/NAME');
  });
});
