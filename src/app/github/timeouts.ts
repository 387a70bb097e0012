import type { ProbotOctokit } from 'probot';

const guarded = new WeakSet<object>();

/**
 * Every attempt of every request to GitHub gets a deadline (SPECGATE_REQUEST_TIMEOUT_MS, 30 s by
 * default): Octokit has none, and one request that never answers would leave the check without a
 * verdict. An attempt past it fails like a 5xx: Octokit's retry tries again, and when the retries
 * are spent the check completes as "could not finish".
 */
export function withRequestTimeout(octokit: ProbotOctokit, milliseconds = Number(process.env.SPECGATE_REQUEST_TIMEOUT_MS ?? 30_000)): void {
  if (guarded.has(octokit) || !(milliseconds > 0)) return;
  guarded.add(octokit);
  octokit.hook.wrap('request', (request, options) => {
    const fetchWithDeadline: typeof fetch = (input, init) => {
      const deadline = AbortSignal.timeout(milliseconds);
      const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
      return fetch(input, { ...init, signal });
    };
    // On the options object itself: the hook's request reads that object, not a copy. A fetch per
    // attempt, so a retry gets a fresh deadline.
    options.request = { ...options.request, fetch: options.request?.fetch ?? fetchWithDeadline };
    return request(options);
  });
}
