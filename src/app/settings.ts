/**
 * The server's settings, read once from the environment and checked before anything listens.
 * Probot on its own falls back to the public webhook secret `development`, serves a setup page when
 * the app id or key is missing, and answers `/ping` either way; specgate refuses to start instead,
 * with one line that names the variable to fix.
 */
import { createPrivateKey } from 'node:crypto';
import { getPrivateKey } from '@probot/get-private-key';

/** Probot's built-in secret: public, so anyone can sign deliveries with it. */
export const PUBLIC_DEFAULT_SECRET = 'development';
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Settings {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** True only with SPECGATE_DEVELOPMENT: the public default secret is then accepted. */
  insecureDevelopment: boolean;
  port: number;
  host: string;
  webhookPath: string;
  baseUrl: string;
  redisUrl?: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  /** How long a shutdown waits for deliveries in flight before giving back their claims (SPECGATE_SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** How often to ask GitHub for missed deliveries, 0 for never (SPECGATE_REDELIVER_MINUTES, default 5). */
  redeliverIntervalMs: number;
  /**
   * How long a delivery's answer waits for its handling before answering 202 "still processing"
   * (SPECGATE_WEBHOOK_TIMEOUT_MS, default 9000: GitHub gives up on an answer after 10 s).
   */
  webhookTimeoutMs: number;
}

/** A setting that stops the server from starting; the message is the one line a maintainer sees. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function readSettings(env: Env, cwd = process.cwd()): Settings {
  const insecureDevelopment = isTrue(env.SPECGATE_DEVELOPMENT);
  const settings: Settings = {
    appId: readAppId(env.APP_ID),
    privateKey: readPrivateKey(env, cwd),
    webhookSecret: readSecret(env.WEBHOOK_SECRET, insecureDevelopment),
    insecureDevelopment,
    port: readPort(env.PORT),
    host: env.HOST || 'localhost',
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    baseUrl: readBaseUrl(env),
    logLevel: readLogLevel(env.LOG_LEVEL),
    logFormat: env.LOG_FORMAT ? (env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json') : env.NODE_ENV === 'production' ? 'json' : 'pretty',
    shutdownTimeoutMs: readMilliseconds('SPECGATE_SHUTDOWN_TIMEOUT_MS', env.SPECGATE_SHUTDOWN_TIMEOUT_MS, 20_000),
    redeliverIntervalMs: readMinutes('SPECGATE_REDELIVER_MINUTES', env.SPECGATE_REDELIVER_MINUTES, 5) * 60_000,
    webhookTimeoutMs: readMilliseconds('SPECGATE_WEBHOOK_TIMEOUT_MS', env.SPECGATE_WEBHOOK_TIMEOUT_MS, 9_000),
  };
  if (env.REDIS_URL) settings.redisUrl = env.REDIS_URL;
  return settings;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.trim().toLowerCase());
}

function readSecret(secret: string | undefined, insecureDevelopment: boolean): string {
  if (insecureDevelopment) return secret || PUBLIC_DEFAULT_SECRET;
  if (!secret) {
    throw new SettingsError(
      'WEBHOOK_SECRET is not set: set it to the webhook secret of the GitHub App (for local development only, SPECGATE_DEVELOPMENT=1 accepts an insecure default).',
    );
  }
  if (secret === PUBLIC_DEFAULT_SECRET) {
    throw new SettingsError(`WEBHOOK_SECRET is "${PUBLIC_DEFAULT_SECRET}", Probot's public default that anyone can sign with: set the GitHub App's own secret.`);
  }
  return secret;
}

function readAppId(value: string | undefined): number {
  if (!value) throw new SettingsError('APP_ID is not set: set it to the GitHub App\'s numeric "App ID" (its settings page shows it).');
  if (!/^\d+$/.test(value.trim()) || Number(value) <= 0) {
    throw new SettingsError(`APP_ID must be the GitHub App's numeric id, not "${value.slice(0, 40)}".`);
  }
  return Number(value);
}

function readPrivateKey(env: Env, cwd: string): string {
  let pem: string | null;
  try {
    pem = getPrivateKey({ env: { PRIVATE_KEY: env.PRIVATE_KEY, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH }, cwd });
  } catch {
    // The library's own message repeats the key's text; name the variable instead.
    if (env.PRIVATE_KEY) throw new SettingsError('PRIVATE_KEY is not a readable PEM private key: use the .pem file GitHub generated for the app.');
    if (env.PRIVATE_KEY_PATH) throw new SettingsError(`PRIVATE_KEY_PATH "${env.PRIVATE_KEY_PATH}" cannot be read: point it at the app's .pem file.`);
    throw new SettingsError('PRIVATE_KEY or PRIVATE_KEY_PATH is not set, and more than one .pem file lies in the working directory: name the app\'s key.');
  }
  const variable = env.PRIVATE_KEY ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
  if (!pem) throw new SettingsError('PRIVATE_KEY or PRIVATE_KEY_PATH is not set: give the GitHub App\'s private key (the .pem file GitHub generated).');
  try {
    // GitHub issues PKCS#1 keys; the JWT library converts those to PKCS#8 on every installation
    // token (5% of the app's CPU under load). Converted once here, the key is used as it is.
    return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new SettingsError(`${variable} is not a readable PEM private key: use the .pem file GitHub generated for the app.`);
  }
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65_535) throw new SettingsError(`PORT must be a number from 1 to 65535, not "${value.slice(0, 40)}".`);
  return port;
}

function readMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim())) throw new SettingsError(`${name} must be a number of milliseconds, not "${value.slice(0, 40)}".`);
  return Number(value);
}

function readMinutes(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const minutes = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || minutes > 24 * 60) throw new SettingsError(`${name} must be a number of minutes from 0 (never) to 1440, not "${value.slice(0, 40)}".`);
  return minutes;
}

function readBaseUrl(env: Env): string {
  if (!env.GHE_HOST) return 'https://api.github.com';
  const protocol = env.GHE_PROTOCOL || 'https';
  if (protocol !== 'https' && protocol !== 'http') throw new SettingsError(`GHE_PROTOCOL must be https or http, not "${protocol.slice(0, 40)}".`);
  return `${protocol}://${env.GHE_HOST}/api/v3`;
}

function readLogLevel(value: string | undefined): LogLevel {
  if (!value) return 'info';
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new SettingsError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value.slice(0, 40)}".`);
  return level as LogLevel;
}
