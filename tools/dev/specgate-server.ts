/**
 * The real specgate server (`npm start`'s `startServer`, with the settings `npm start` would read
 * from its environment) pointed at a GitHub stand-in, as GHE_HOST and GHE_PROTOCOL=http would.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProbotOctokit } from 'probot';
import { createLogger } from '../../src/app/logger.js';
import { startServer } from '../../src/app/server.js';
import { readSettings } from '../../src/app/settings.js';
import { SpecgateOctokit } from '../../src/app/github/octokit.js';
import type { GitHubStandIn } from './github-stand-in/index.js';
import { deliverWebhook, type Delivery } from './webhooks.js';

export interface AppCredentials {
  appId: number;
  /** PKCS#1 PEM, like the .pem GitHub hands out. */
  privateKey: string;
  webhookSecret: string;
}

/** A fresh app identity: give the key to the stand-in too (`auth: { appId, key }`) and it verifies the app's JWTs. */
export function generateAppCredentials(appId = 4242): AppCredentials {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { appId, privateKey, webhookSecret: randomBytes(20).toString('hex') };
}

export interface RunningApp {
  /** `http://127.0.0.1:PORT`: webhooks go to `${url}/api/github/webhooks`. */
  url: string;
  /** Sends a signed delivery and waits for the app's answer. */
  deliver(name: string, payload: unknown, id?: string): Promise<Delivery>;
  stop(): Promise<void>;
}

export interface StartOptions {
  github: GitHubStandIn;
  credentials?: AppCredentials;
  /** Probot's LOG_LEVEL (default `warn`; `silent` for none). */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /**
   * Probot's throttling spaces writes about a second apart, like GitHub asks of apps. Off by default
   * here so a demo or test finishes in moments; retries stay on either way.
   */
  throttle?: boolean;
  /** Octokit plugins added to the app's Octokit class (a test's request watcher, say). */
  plugins?: Array<Parameters<typeof ProbotOctokit.plugin>[0]>;
  /** The port to listen on (default: a free one). */
  port?: number;
  /** Minutes between sweeps for missed deliveries (SPECGATE_REDELIVER_MINUTES); default 0, none. */
  redeliverMinutes?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** An Octokit class like Probot's, with throttling off: the function form, which Probot's own options cannot overwrite. */
const UnthrottledOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }));

let deliveries = 0;

export async function startSpecgate(options: StartOptions): Promise<RunningApp> {
  const credentials = options.credentials ?? generateAppCredentials();
  const port = options.port ?? (await freePort());
  const env = {
    APP_ID: String(credentials.appId),
    PRIVATE_KEY: credentials.privateKey,
    WEBHOOK_SECRET: credentials.webhookSecret,
    GHE_HOST: options.github.gheHost,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: options.logLevel ?? 'warn',
    LOG_FORMAT: 'pretty' as const,
    SPECGATE_REDELIVER_MINUTES: String(options.redeliverMinutes ?? 0),
    // An answer of 200 then means the delivery was handled, however busy the machine: tests assert
    // what the handling did, never how fast it was (the default answers 202 after 9 s).
    SPECGATE_WEBHOOK_TIMEOUT_MS: '600000',
  };
  const settings = readSettings(env);
  const log = await createLogger({ level: settings.logLevel, format: settings.logFormat });
  const Octokit = options.throttle === true ? SpecgateOctokit : UnthrottledOctokit;
  const server = await startServer(settings, { log, Octokit: options.plugins ? Octokit.plugin(...options.plugins) : Octokit });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    deliver: (name, payload, id) => deliverWebhook(url, credentials.webhookSecret, { name, payload, id: id ?? `stand-in-delivery-${++deliveries}` }),
    stop: () => server.stop(),
  };
}
