/** The REST client: @octokit/rest with Probot's configuration loader, and a few retries for GitHub's bad moments. */
import { Octokit } from '@octokit/rest';
import { config } from '@probot/octokit-plugin-config';
import { setTimeout as sleep } from 'node:timers/promises';
import { statusOf } from '../github/contents.js';

export { statusOf };

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

/** A short reason for the log: the status and GitHub's message, never a token. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
