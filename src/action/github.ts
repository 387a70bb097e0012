/**
 * The REST client: @octokit/rest with Probot's configuration loader, and Octokit's own retry and
 * throttling plugins (as Probot's client has them) for GitHub's bad moments and its rate limits.
 */
import type { Octokit as CoreOctokit, OctokitOptions } from '@octokit/core';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { config } from '@probot/octokit-plugin-config';
import { statusOf } from '../github/contents.js';

export { statusOf };

// The retry log first, so its hook runs inside the retry plugin's: once per attempt.
const ActionOctokit = Octokit.plugin(config, logRetries, retry, throttling);
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
  /** Where Octokit's own warnings and each retry go; default: nowhere. */
  debug?: (message: string) => void;
  /** Retries of a request that failed with a 5xx (or on the network); default 2. */
  retries?: number;
  /** The retry plugin's base delay in milliseconds: the n-th retry waits n² times it; default 1000. */
  retryDelayMs?: number;
}

/** Rate-limit waits a run takes before it gives up: a step should fail, not hang for an hour. */
const RATE_LIMIT_RETRIES = 1;

export function createClient(options: ClientOptions): ApiClient {
  const debug = options.debug ?? (() => {});
  const rateLimited = (kind: string) => (after: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    debug(`${request.method} ${request.url}: ${kind}, ${retryCount < RATE_LIMIT_RETRIES ? `retrying after ${after} s` : 'giving up'}`);
    return retryCount < RATE_LIMIT_RETRIES;
  };
  const octokit = new ActionOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'specgate-action',
    log: { debug: () => {}, info: () => {}, warn: debug, error: debug },
    retry: { retries: options.retries ?? 2, ...(options.retryDelayMs === undefined ? {} : { retryAfterBaseValue: options.retryDelayMs }) },
    throttle: { onRateLimit: rateLimited('rate limit'), onSecondaryRateLimit: rateLimited('secondary rate limit') },
    retryLog: debug,
  });
  return { octokit, owner: options.owner, repo: options.repo };
}

/**
 * A line in the debug log for each retry the retry plugin makes. The plugin counts attempts on the
 * request's options (`request.retryCount`), so an attempt past the first is a retry of the status
 * the previous attempt failed with.
 */
function logRetries(octokit: CoreOctokit, options: OctokitOptions): void {
  const debug = (options as { retryLog?: (message: string) => void }).retryLog;
  if (!debug) return;
  const failedWith = new WeakMap<object, number>();
  octokit.hook.wrap('request', async (request, endpoint) => {
    const attempt = (endpoint.request as { retryCount?: number } | undefined)?.retryCount ?? 0;
    if (attempt > 0) debug(`${endpoint.method} ${octokit.request.endpoint.parse(endpoint).url}: ${failedWith.get(endpoint) ?? 'failed'}, retrying`);
    try {
      return await request(endpoint);
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined) failedWith.set(endpoint, status);
      throw error;
    }
  });
}

/** A short reason for the log: the status and GitHub's message, never a token. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
