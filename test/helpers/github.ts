import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import specgateApp from '../../src/app/index.js';
import { assertValidBody } from './openapi.js';

const require = createRequire(import.meta.url);

/** One RSA key per test process, PKCS#1 like the .pem GitHub hands out. */
export const PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const API = 'https://api.github.com';

/** Retries and throttling off (the function form, which Probot's own options cannot overwrite). */
export const QuickOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A Probot with test credentials; TEST_LOG_LEVEL=debug shows what it does. */
export function probotUnderTest(Octokit: typeof ProbotOctokit = QuickOctokit): Probot {
  const logLevel = (process.env.TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal';
  return new Probot({ appId: 123, privateKey: PRIVATE_KEY, secret: WEBHOOK_SECRET, logLevel, Octokit });
}

/** A Probot with specgate loaded. */
export async function appUnderTest(Octokit: typeof ProbotOctokit = QuickOctokit): Promise<Probot> {
  const probot = probotUnderTest(Octokit);
  await probot.load(specgateApp);
  return probot;
}

interface WebhookDefinition {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string; installation?: unknown }>;
}
const DEFINITIONS = require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookDefinition[];

/**
 * A copy of GitHub's own example payload for an event and action (one with an installation,
 * which Probot needs to authenticate): Codertocat/Hello-World, pull request #2.
 */
export function examplePayload<T = any>(event: string, action: string): T {
  const definition = DEFINITIONS.find((candidate) => candidate.name === event);
  const example = definition?.examples.find((candidate) => candidate.action === action && candidate.installation);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example with an installation`);
  return structuredClone(example) as T;
}

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** A pull_request payload from GitHub's examples, patched to the scenario. */
export function pullRequestPayload(action: string, patch: { number?: number; headSha?: string; draft?: boolean; labels?: string[]; updatedAt?: string; changedFiles?: number } = {}): any {
  const payload = examplePayload('pull_request', action);
  const pull = payload.pull_request;
  if (patch.number !== undefined) {
    pull.number = patch.number;
    payload.number = patch.number;
  }
  if (patch.headSha !== undefined) pull.head.sha = patch.headSha;
  if (patch.draft !== undefined) pull.draft = patch.draft;
  if (patch.labels !== undefined) pull.labels = patch.labels.map((name, index) => ({ ...pull.labels?.[0], id: 1000 + index, name }));
  if (patch.updatedAt !== undefined) pull.updated_at = patch.updatedAt;
  pull.changed_files = patch.changedFiles ?? 1;
  return payload;
}

export interface Recorded {
  method: string;
  path: string;
  body: any;
}

/**
 * GitHub as nock answers it. Every write's body is checked against GitHub's OpenAPI
 * description and recorded, so tests assert exactly what the app sent.
 */
export class FakeGitHub {
  readonly scope = nock(API);
  readonly writes: Recorded[] = [];

  token(installationId = 1): this {
    this.scope.post(`/app/installations/${installationId}/access_tokens`).reply(201, { token: 'installation-token', expires_at: '2099-01-01T00:00:00Z' });
    return this;
  }

  /** The configuration on the default branch (Probot asks the repository, then the owner's .github). */
  config(yaml: string | null): this {
    const path = `${REPO_PATH}/contents/.github%2Fspecgate.yml`;
    if (yaml === null) {
      this.scope.get(path).reply(404, { message: 'Not Found' });
      this.scope.get(`/repos/${OWNER}/.github/contents/.github%2Fspecgate.yml`).reply(404, { message: 'Not Found' });
    } else {
      this.scope.get(path).reply(200, yaml, { 'content-type': 'text/plain; charset=utf-8' });
    }
    return this;
  }

  /** A raw file on the default branch (templates, or the configuration read again for lines). */
  file(path: string, text: string | null, repo = REPO): this {
    const url = `/repos/${OWNER}/${repo}/contents/${path.split('/').map(encodeURIComponent).join('%2F')}`;
    if (text === null) this.scope.get(url).reply(404, { message: 'Not Found' });
    else this.scope.get(url).reply(200, text, { 'content-type': 'text/plain; charset=utf-8' });
    return this;
  }

  /** The pull request's file list, 100 a page, with GitHub's Link header between pages. */
  files(files: Array<{ filename: string; status?: string; sha?: string; patch?: string }>, pull = 2): this {
    const full = files.map((file, index) => ({
      sha: file.sha ?? `b${String(index).padStart(39, '0')}`,
      filename: file.filename,
      status: file.status ?? 'added',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: '',
      raw_url: '',
      contents_url: '',
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    }));
    const pages = Math.max(1, Math.ceil(full.length / 100));
    for (let page = 1; page <= pages; page++) {
      const query = page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) };
      const headers: Record<string, string> =
        page < pages ? { link: `<${API}/repositories/1296269/pulls/${pull}/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
      const path = page === 1 ? `${REPO_PATH}/pulls/${pull}/files` : `/repositories/1296269/pulls/${pull}/files`;
      this.scope.get(path).query(query).reply(200, full.slice((page - 1) * 100, page * 100), headers);
    }
    return this;
  }

  blob(sha: string, content: string | Uint8Array): this {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.scope.get(`${REPO_PATH}/git/blobs/${sha}`).reply(200, { sha, size: bytes.length, url: '', node_id: '', encoding: 'base64', content: bytes.toString('base64') });
    return this;
  }

  /** A write GitHub accepts; the body must be valid for the operation. */
  write(method: 'post' | 'patch', path: string, template: string, reply: unknown = { id: 1 }, status = method === 'post' ? 201 : 200): this {
    this.scope.intercept(path, method.toUpperCase(), (body: any) => {
      assertValidBody(method, template, body);
      this.writes.push({ method, path, body });
      return true;
    }).reply(status, reply as nock.Body);
    return this;
  }

  createCheckRun(id = 7): this {
    return this.write('post', `${REPO_PATH}/check-runs`, '/repos/{owner}/{repo}/check-runs', { id });
  }

  updateCheckRun(id = 7): this {
    return this.write('patch', `${REPO_PATH}/check-runs/${id}`, '/repos/{owner}/{repo}/check-runs/{check_run_id}', { id });
  }

  comments(existing: Array<{ id: number; body: string }>, pull = 2): this {
    this.scope.get(`${REPO_PATH}/issues/${pull}/comments`).query({ per_page: '100' }).reply(200, existing);
    return this;
  }

  createComment(pull = 2): this {
    return this.write('post', `${REPO_PATH}/issues/${pull}/comments`, '/repos/{owner}/{repo}/issues/{issue_number}/comments', { id: 99 });
  }

  updateComment(id: number): this {
    return this.write('patch', `${REPO_PATH}/issues/comments/${id}`, '/repos/{owner}/{repo}/issues/comments/{comment_id}', { id });
  }

  reviewComments(existing: Array<{ path: string; line: number; body: string }>, pull = 2): this {
    this.scope.get(`${REPO_PATH}/pulls/${pull}/comments`).query({ per_page: '100' }).reply(200, existing);
    return this;
  }

  createReview(pull = 2): this {
    return this.write('post', `${REPO_PATH}/pulls/${pull}/reviews`, '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', { id: 5 });
  }

  bodies(path: string): any[] {
    return this.writes.filter((write) => write.path === path).map((write) => write.body);
  }

  /** Nothing expected is left unasked. */
  assertDone(): void {
    expect(this.scope.pendingMocks()).toEqual([]);
  }
}

export function noNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
}

export function restoreNetwork(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}
