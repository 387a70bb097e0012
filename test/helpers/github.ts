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

/** The head commit of pull request #2 in GitHub's example payloads. */
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** A pull_request payload from GitHub's examples, patched to the scenario. */
export function pullRequestPayload(
  action: string,
  patch: { number?: number; headSha?: string; draft?: boolean; labels?: string[]; updatedAt?: string; changedFiles?: number; reviewComments?: number; body?: string | null } = {},
): any {
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
  if (patch.body !== undefined) pull.body = patch.body;
  pull.changed_files = patch.changedFiles ?? 1;
  if (patch.reviewComments !== undefined) pull.review_comments = patch.reviewComments;
  return payload;
}

interface RequestSeen {
  method?: string;
  hostname?: string;
  path?: string;
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
  /** Requests nothing here answers, and bodies GitHub would refuse: the app may swallow those errors, the test must not. */
  readonly unexpected: string[] = [];

  constructor() {
    nock.emitter.on('no match', this.noMatch);
  }

  private readonly noMatch = (request: RequestSeen, options?: RequestSeen): void => {
    const seen = options ?? request;
    // Webhook deliveries to a test's own server are local, not calls to GitHub.
    if (seen.hostname === '127.0.0.1') return;
    this.unexpected.push(`${seen.method ?? 'GET'} ${seen.hostname ?? ''}${seen.path ?? ''}`);
  };

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

  /**
   * A file by path at a commit, as the contents API answers with `ref` (a spec the description
   * links): the JSON form with base64 content, 404 for `null`, a directory listing for `'dir'`.
   */
  contentsAt(path: string, ref: string, text: string | null | 'dir', sha = 'l'.padEnd(40, '0')): this {
    const url = `${REPO_PATH}/contents/${path.split('/').map(encodeURIComponent).join('%2F')}`;
    const interceptor = this.scope.get(url).query({ ref });
    if (text === null) interceptor.reply(404, { message: 'Not Found' });
    else if (text === 'dir') interceptor.reply(200, [{ type: 'file', name: 'a.md', path: `${path}/a.md`, sha, size: 1 }]);
    else {
      const bytes = Buffer.from(text, 'utf8');
      interceptor.reply(200, { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').pop(), path, sha, content: bytes.toString('base64') });
    }
    return this;
  }

  /**
   * The pull request's file list, 100 a page (pages after the first asked for by number), with GitHub's Link header.
   * With `listedAt`, each entry's addresses name that commit, as GitHub's name the pull request's head when listed.
   */
  files(files: FileEntry[], pull = 2, listedAt?: string): this {
    const full = diffEntries(files, listedAt);
    const pages = Math.max(1, Math.ceil(full.length / 100));
    for (let page = 1; page <= pages; page++) {
      const query = page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) };
      const headers: Record<string, string> =
        page < pages ? { link: `<${API}/repositories/1296269/pulls/${pull}/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
      this.scope.get(`${REPO_PATH}/pulls/${pull}/files`).query(query).reply(200, full.slice((page - 1) * 100, page * 100), headers);
    }
    return this;
  }

  /** The compare API for `base...head`: the files between them (GitHub lists 300 at most) and their merge base. */
  compare(base: string, head: string, files: FileEntry[], mergeBase = base): this {
    const example = { sha: mergeBase, commit: { tree: { sha: 't'.repeat(40) } } };
    this.scope
      .get(`${REPO_PATH}/compare/${base}...${head}`)
      .query(true)
      .reply(200, { status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, commits: [], merge_base_commit: example, base_commit: { sha: base }, files: diffEntries(files, head) });
    return this;
  }

  /** The file list's first page answering an error status, `times` times in a row. */
  filesFailing(status: number, times: number, pull = 2): this {
    this.scope.get(`${REPO_PATH}/pulls/${pull}/files`).query({ per_page: '100' }).times(times).reply(status, { message: 'Server Error' });
    return this;
  }

  blob(sha: string, content: string | Uint8Array): this {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.scope.get(`${REPO_PATH}/git/blobs/${sha}`).reply(200, { sha, size: bytes.length, url: '', node_id: '', encoding: 'base64', content: bytes.toString('base64') });
    return this;
  }

  /** A write GitHub accepts; the body must be valid for the operation. */
  write(method: 'post' | 'patch' | 'put', path: string, template: string, reply: unknown = { id: 1 }, status = method === 'patch' ? 200 : 201): this {
    this.scope.intercept(path, method.toUpperCase(), (body: any) => {
      try {
        assertValidBody(method, template, body);
      } catch (error) {
        this.unexpected.push(String(error));
        return false;
      }
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

  /** A pull request as `pulls.get` returns it: GitHub's example pull request, patched. */
  pull(number: number, patch: Parameters<typeof pullRequestPayload>[1] = {}): this {
    this.scope.get(`${REPO_PATH}/pulls/${number}`).reply(200, pullRequestPayload('opened', { ...patch, number }).pull_request);
    return this;
  }

  /** The pull requests a commit belongs to (how a fork's pull request is found from a check re-run). */
  pullsForCommit(sha: string, pulls: Array<{ number: number; state: 'open' | 'closed' }>): this {
    const example = pullRequestPayload('opened').pull_request;
    this.scope.get(`${REPO_PATH}/commits/${sha}/pulls`).reply(200, pulls.map((pull) => ({ ...example, ...pull })));
    return this;
  }

  /** A git tree by commit or tree SHA (`recursive` asks for every descendant), as the trees API answers. */
  tree(sha: string, entries: Array<{ path: string; sha: string; type?: 'blob' | 'tree' }>, options: { recursive?: boolean; truncated?: boolean } = {}): this {
    const tree = entries.map((entry) => ({ path: entry.path, mode: entry.type === 'tree' ? '040000' : '100644', type: entry.type ?? 'blob', sha: entry.sha, url: '' }));
    const interceptor = this.scope.get(`${REPO_PATH}/git/trees/${sha}`);
    (options.recursive ? interceptor.query({ recursive: 'true' }) : interceptor).reply(200, { sha, url: '', truncated: options.truncated ?? false, tree });
    return this;
  }

  /** The open pull requests (`pulls.list`), 100 a page, with GitHub's Link header: how a fork's pull request is found by its head. */
  openPulls(pulls: Array<{ number: number; headSha: string }>): this {
    const example = pullRequestPayload('opened').pull_request;
    const full = pulls.map((pull) => ({ ...example, number: pull.number, head: { ...example.head, sha: pull.headSha } }));
    const pages = Math.max(1, Math.ceil(full.length / 100));
    for (let page = 1; page <= pages; page++) {
      const query = page === 1 ? { state: 'open', per_page: '100' } : { state: 'open', per_page: '100', page: String(page) };
      const headers: Record<string, string> = page < pages ? { link: `<${API}/repositories/1296269/pulls?state=open&per_page=100&page=${page + 1}>; rel="next"` } : {};
      // Pages after the first are asked for where the Link header points, as GitHub names them.
      this.scope.get(page === 1 ? `${REPO_PATH}/pulls` : '/repositories/1296269/pulls').query(query).reply(200, full.slice((page - 1) * 100, page * 100), headers);
    }
    return this;
  }

  /** A pull request's issue events, 100 a page: who labeled it, when. */
  issueEvents(events: Array<{ event: string; label?: string; actor: string }>, pull = 2): this {
    const full = events.map((event, index) => ({
      id: 5000 + index,
      event: event.event,
      actor: { login: event.actor, id: 6000 + index },
      ...(event.label !== undefined ? { label: { name: event.label, color: 'ededed' } } : {}),
      created_at: `2019-05-15T15:20:${String(index).padStart(2, '0')}Z`,
    }));
    this.scope.get(`${REPO_PATH}/issues/${pull}/events`).query({ per_page: '100' }).reply(200, full);
    return this;
  }

  bodies(path: string): any[] {
    return this.writes.filter((write) => write.path === path).map((write) => write.body);
  }

  /** Nothing expected is left unasked, and nothing was asked that was not expected. */
  assertDone(): void {
    nock.emitter.off('no match', this.noMatch);
    expect({ pending: this.scope.pendingMocks(), unexpected: this.unexpected }).toEqual({ pending: [], unexpected: [] });
  }
}

type FileEntry = { filename: string; status?: string; sha?: string; patch?: string; previous_filename?: string };

/** GitHub's diff entries (a pull request's files, a comparison's); with `at`, their addresses name that commit. */
function diffEntries(files: FileEntry[], at?: string): Array<Record<string, unknown>> {
  return files.map((file, index) => {
    const encoded = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
      sha: file.sha ?? `b${String(index).padStart(39, '0')}`,
      filename: file.filename,
      status: file.status ?? 'added',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: at ? `https://github.com/${OWNER}/${REPO}/blob/${at}/${encoded}` : '',
      raw_url: at ? `https://github.com/${OWNER}/${REPO}/raw/${at}/${encoded}` : '',
      contents_url: at ? `${API}${REPO_PATH}/contents/${encoded}?ref=${at}` : '',
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
      ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
    };
  });
}

/** The diff GitHub shows for a file added whole: every line commentable. */
export function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

/** The hidden first lines of the sticky comment: its marker, and the stamp of the push it describes. */
export function stickyHeader(headSha = HEAD_SHA, updatedAt = '2019-05-15T15:20:33Z'): string[] {
  return ['<!-- specgate:sticky -->', `<!-- specgate:stamp head=${headSha} updated=${updatedAt} -->`];
}

/** Delivers one webhook to the app, as GitHub would: `id` is the X-GitHub-Delivery header. */
export async function deliver(app: Probot, name: string, payload: unknown, id = 'delivery-1'): Promise<void> {
  await app.receive({ id, name, payload } as never);
}

/** A fresh app for each test of the file, with the network closed to everything nock does not answer. */
export function appForEachTest(Octokit?: typeof ProbotOctokit): () => Probot {
  let app: Probot | undefined;
  beforeEach(async () => {
    noNetwork();
    app = await appUnderTest(Octokit);
  });
  afterEach(restoreNetwork);
  return () => {
    if (!app) throw new Error('appForEachTest: the app exists only inside a test');
    return app;
  };
}

export function noNetwork(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
}

export function restoreNetwork(): void {
  nock.emitter.removeAllListeners('no match');
  nock.cleanAll();
  nock.enableNetConnect();
}
