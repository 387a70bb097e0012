import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProbotOctokit } from 'probot';
import type { Finding } from '../core/types.js';

/** The app's Prometheus metrics, in a registry of its own (several apps in one process stay apart). */
export interface Metrics {
  registry: Registry;
  deliveries: Counter<'event' | 'outcome'>;
  verdictSeconds: Histogram<'event'>;
  githubRequests: Counter<'method' | 'status'>;
  rateLimitRemaining: Gauge;
  findings: Counter<'rule'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    deliveries: new Counter({ name: 'specgate_deliveries_total', help: 'Webhook deliveries handled, by event and outcome.', labelNames: ['event', 'outcome'], registers: [registry] }),
    verdictSeconds: new Histogram({
      name: 'specgate_verdict_seconds',
      help: 'Seconds from a webhook to its completed check run.',
      labelNames: ['event'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32],
      registers: [registry],
    }),
    githubRequests: new Counter({ name: 'specgate_github_requests_total', help: 'Requests to the GitHub API, by method and status.', labelNames: ['method', 'status'], registers: [registry] }),
    rateLimitRemaining: new Gauge({ name: 'specgate_github_rate_limit_remaining', help: 'Requests left in the current rate-limit window, as GitHub last said.', registers: [registry] }),
    findings: new Counter({ name: 'specgate_findings_total', help: 'Findings reported, by rule.', labelNames: ['rule'], registers: [registry] }),
  };
}

const counters = new WeakMap<ProbotOctokit, { calls: number }>();

/**
 * Counts a client's GitHub requests (for an event's log line) and every request (for the metrics).
 * Hooked once per client: Probot gives each event its own, and a re-run may reuse it.
 */
export function countRequests(octokit: ProbotOctokit, metrics: Metrics): { calls: number } {
  const known = counters.get(octokit);
  if (known) return known;
  const counter = { calls: 0 };
  counters.set(octokit, counter);
  octokit.hook.after('request', (response, options) => {
    counter.calls += 1;
    metrics.githubRequests.inc({ method: options.method, status: String(response.status) });
    const remaining = Number(response.headers['x-ratelimit-remaining']);
    if (Number.isFinite(remaining)) metrics.rateLimitRemaining.set(remaining);
  });
  octokit.hook.error('request', (error, options) => {
    counter.calls += 1;
    metrics.githubRequests.inc({ method: options.method, status: String((error as { status?: number }).status ?? 'error') });
    throw error;
  });
  return counter;
}

export function countFindings(metrics: Metrics, findings: readonly Finding[]): void {
  for (const finding of findings) metrics.findings.inc({ rule: finding.rule });
}

/** `GET /metrics` in Prometheus's text format, for Probot's server (`addHandler`). */
export function metricsHandler(metrics: Metrics) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') return false;
    response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
    return true;
  };
}
