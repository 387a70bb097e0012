/** Shared setup for the stand-in's contract tests: plain HTTP (fetch) and a real Octokit, no nock. */
import { ProbotOctokit } from 'probot';
import { GitHubStandIn, type RepoHandle, type StandInOptions } from '../../tools/dev/github-stand-in/index.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const REPO_ID = 186853002;

/** Codertocat/Hello-World with a README and a configuration on `master`. */
export function seedHelloWorld(github: GitHubStandIn, files: Record<string, string> = {}): RepoHandle {
  return github.addRepo({
    owner: OWNER,
    name: REPO,
    id: REPO_ID,
    ownerId: 21031067,
    defaultBranch: 'master',
    files: { 'README.md': '# Hello-World\n', '.github/specgate.yml': 'comment: always\n', ...files },
  });
}

export async function startStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  return GitHubStandIn.start(options);
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One request to the stand-in with an installation token (unless `token: null`), under `/api/v3` unless `prefix` says otherwise. */
export async function api(
  github: GitHubStandIn,
  method: string,
  path: string,
  options: { body?: unknown; accept?: string; token?: string | null; prefix?: string; rawBody?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/vnd.github.v3+json' };
  const token = options.token === undefined ? github.token() : options.token;
  if (token !== null) headers.authorization = `token ${token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${github.url}${options.prefix ?? '/api/v3'}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A real Octokit (Probot's) with an installation token from the stand-in; retries and throttling off. */
export function octokitFor(github: GitHubStandIn): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: github.token() }, baseUrl: github.apiUrl, retry: { enabled: false }, throttle: { enabled: false } });
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
