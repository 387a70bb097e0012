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

type OctokitOptions = {
  auth?: { installationId?: number | string } & Record<string, unknown>;
  throttle?: { enabled?: boolean; connection?: unknown; id?: string } & Record<string, unknown>;
} & Record<string, unknown>;

/**
 * Probot's Octokit with its throttling as it is (writes a second apart, comments three seconds
 * apart, retries on rate limits), with two changes:
 *
 * - Its queues are the installation's. Probot builds each webhook's client without a limiter id,
 *   so every installation in the process shared one write queue and one installation's check run
 *   waited a second behind another's; GitHub counts secondary rate limits per installation.
 * - More reads at once. With Redis (REDIS_URL) Probot's clustered limiters keep their own
 *   concurrency: their queues live in Redis, shared by the replicas.
 */
export const SpecgateOctokit = ProbotOctokit.defaults((options: OctokitOptions) => {
  const throttle = options.throttle;
  if (!throttle || throttle.enabled === false) return options;
  const installationId = options.auth?.installationId;
  // The app's own client (its JWT: the sweep for missed deliveries) has a limiter of its own too.
  const id = installationId === undefined ? (throttle.id ?? 'app') : String(installationId);
  const global = throttle.connection === undefined ? { global: perInstallation } : {};
  return { ...options, throttle: { ...throttle, id, ...global } };
});
