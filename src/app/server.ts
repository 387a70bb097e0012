/**
 * specgate's HTTP server: the webhook gate, Probot's webhook middleware, `/ping` and `/metrics`.
 * Built here rather than with Probot's `run()` so that nothing starts on bad settings (no setup
 * mode, no public default secret), `/ping` tells the truth, and rejected deliveries log one line.
 */
import { createNodeMiddleware } from '@octokit/webhooks';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Probot, type ApplicationFunction, type ProbotOctokit } from 'probot';
import type { Logger } from 'pino';
import specgateApp, { type SpecgateHooks } from './index.js';
import { SpecgateOctokit } from './github/octokit.js';
import type { Settings } from './settings.js';
import { admitDelivery, rejectDelivery } from './webhook-gate.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean | void> | boolean | void;

export interface RequestHandlerOptions {
  log: Logger;
  Octokit?: typeof ProbotOctokit;
  /** Whether the server accepts deliveries and `/ping` answers healthy (false while starting or draining). */
  ready?: () => boolean;
  /** Filled in by the app: how a shutdown waits for the deliveries in flight. */
  hooks?: SpecgateHooks;
  /** The app Probot loads: specgate's unless a bench measures the server with another (bench/app-breakdown.mjs). */
  app?: ApplicationFunction;
}

/** One `(request, response)` function for `npm start` and the serverless handler alike. */
export async function createRequestHandler(settings: Settings, options: RequestHandlerOptions): Promise<(request: IncomingMessage, response: ServerResponse) => Promise<void>> {
  const { log } = options;
  if (settings.insecureDevelopment) {
    log.warn(
      'specgate: DEVELOPMENT MODE (SPECGATE_DEVELOPMENT): webhooks are verified with an insecure default secret that anyone can sign with. Never expose this server; unset SPECGATE_DEVELOPMENT and set WEBHOOK_SECRET in production.',
    );
  }
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    log,
    Octokit: options.Octokit ?? SpecgateOctokit,
    ...(settings.redisUrl ? { redisConfig: settings.redisUrl } : {}),
  });
  const extra: Handler[] = [];
  await probot.load(options.app ?? specgateApp, { cwd: process.cwd(), addHandler: (handler: Handler) => extra.push(handler), hooks: options.hooks ?? {} } as never);
  // Probot's own middleware answers 202 after a fixed 9 s; ours takes the timeout from the settings.
  await probot.getNodeMiddleware({ path: settings.webhookPath });
  const webhooks = createNodeMiddleware(probot.webhooks, { path: settings.webhookPath, log, timeout: settings.webhookTimeoutMs });
  const ready = options.ready ?? (() => true);

  return async (request, response) => {
    try {
      const path = (request.url ?? '').split('?')[0];
      if (path === settings.webhookPath && request.method === 'POST') {
        // Shutting down: GitHub records the delivery as failed, and the next sweep for missed
        // deliveries (this replica's successor, or another one) asks GitHub to send it again.
        if (!ready()) return rejectDelivery(request, response, { status: 503, reason: 'the server is shutting down' }, log);
        const rejection = await admitDelivery(request, settings.webhookSecret);
        if (rejection) return rejectDelivery(request, response, rejection, log);
        await webhooks(request, response);
        return;
      }
      if (path === '/ping' && request.method === 'GET') {
        const healthy = ready();
        response.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'PONG' : 'NOT READY');
        return;
      }
      for (const handler of extra) if (await handler(request, response)) return;
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    } catch (error) {
      log.error({ err: error, method: request.method, path: (request.url ?? '').split('?')[0] }, 'specgate: request failed');
      if (!response.headersSent) response.writeHead(500).end();
    }
  };
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts listening once the app is loaded; `/ping` answers healthy from then until `stop()`.
 * `stop()` is the graceful shutdown: no new deliveries (503, `/ping` too), the ones in flight
 * finish within `settings.shutdownTimeoutMs` or give their claims back, then the server closes.
 */
export async function startServer(settings: Settings, options: RequestHandlerOptions): Promise<RunningServer> {
  let accepting = false;
  const hooks: SpecgateHooks = options.hooks ?? { sweepIntervalMs: settings.redeliverIntervalMs };
  const handle = await createRequestHandler(settings, { ...options, hooks, ready: () => accepting });
  const server: HttpServer = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  accepting = true;
  options.log.info(`specgate: listening on http://${host}:${port}`);
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    // Still listening while draining: a load balancer's `/ping` and GitHub's deliveries get a 503.
    accepting = false;
    const drained = await hooks.drain?.(settings.shutdownTimeoutMs);
    if (drained && !drained.finished) {
      options.log.warn(`specgate: stopped after ${settings.shutdownTimeoutMs} ms with deliveries unfinished; ${drained.handedBack} delivery claims given back for redelivery`);
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A response being written finishes; then nothing left open holds the exit.
    await Promise.race([closed, sleep(1000, undefined, { ref: false })]);
    server.closeAllConnections();
    await closed;
  };
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () => (stopping ??= stop()),
  };
}
