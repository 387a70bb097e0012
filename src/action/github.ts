/** The REST client: @octokit/rest with Probot's configuration loader, and a few retries for GitHub's bad moments. */
import { Octokit } from '@octokit/rest';
import { config } from '@probot/octokit-plugin-config';
import { setTimeout as sleep } from 'node:timers/promises';

const ActionOctokit = Octokit.plugin(config);
export type ActionOctokit = InstanceType<typeof ActionOctokit>;

/** A repository and the client authenticated for it (with the workflow's token). */
export interface ApiClient {
  octokit: ActionOctokit;
  owner: string;
  repo: string;
}

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  baseUrl: string;
  owner: string;
  repo: string;
  /** Where Octokit's own warnings go (deprecations); default: nowhere. */
  debug?: (message: string) => void;
  /** Retries of a request that failed with 5xx or on the network; default 2. */
  retries?: number;
  /** Milliseconds before the first retry, doubled for each next one; default 1000. */
  retryDelayMs?: number;
}

export function createClient(options: ClientOptions): ApiClient {
  const debug = options.debug ?? (() => {});
  const octokit = new ActionOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'specgate-action',
    log: { debug: () => {}, info: () => {}, warn: debug, error: debug },
  });
  const retries = options.retries ?? 2;
  const delay = options.retryDelayMs ?? 1000;
  octokit.hook.wrap('request', async (request, endpoint) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(endpoint);
      } catch (error) {
        const status = statusOf(error);
        // @octokit/request reports a network failure as status 500.
        if (attempt >= retries || status === undefined || status < 500) throw error;
        debug(`${endpoint.method} ${endpoint.url}: ${status}, retrying`);
        await sleep(delay * 2 ** attempt);
      }
    }
  });
  return { octokit, owner: options.owner, repo: options.repo };
}

/** An HTTP status from Octokit's RequestError, when there is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A short reason for the log: the status and GitHub's message, never a token. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}

/** A text file from a repository's default branch (the contents API without `ref`), or undefined when it does not exist. */
export async function readDefaultBranchText(client: ApiClient, at: { owner: string; repo: string; path: string }): Promise<string | undefined> {
  try {
    const response = await client.octokit.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, mediaType: { format: 'raw' } });
    const data: unknown = response.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    return undefined;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
