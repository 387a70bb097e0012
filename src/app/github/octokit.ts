import Bottleneck from 'bottleneck/light.js';
import { ProbotOctokit } from 'probot';

/**
 * Requests one installation may have in flight at once. Probot's throttling allows 10, so the 30
 * file-list pages of a 3,000-file pull request take three rounds before any spec is read; GitHub
 * allows 100 concurrent requests before its secondary rate limit, and this stays well under it.
 */
export const CONCURRENT_REQUESTS_PER_INSTALLATION = 32;

const perInstallation = new Bottleneck.Group({
  id: 'octokit-global',
  maxConcurrent: CONCURRENT_REQUESTS_PER_INSTALLATION,
  // As Probot's own groups: an idle installation's limiter is dropped after two minutes.
  timeout: 120_000,
});

type OctokitOptions = { throttle?: { enabled?: boolean; connection?: unknown } & Record<string, unknown> } & Record<string, unknown>;

/**
 * Probot's Octokit with its throttling as it is (writes a second apart, comments three seconds
 * apart, retries on rate limits), but more reads at once. With Redis (REDIS_URL) Probot's
 * clustered limiters are left untouched: their queues live in Redis, shared by the replicas.
 */
export const SpecgateOctokit = ProbotOctokit.defaults((options: OctokitOptions) => {
  const throttle = options.throttle;
  if (!throttle || throttle.enabled === false || throttle.connection !== undefined) return options;
  return { ...options, throttle: { ...throttle, global: perInstallation } };
});
