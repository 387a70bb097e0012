/**
 * The server's logger: Probot's pino format, with errors reduced to what a maintainer needs.
 * pino's default error serializer copies every property of an error, and Octokit's and
 * @octokit/webhooks' errors carry the request body, the response data and the delivery's whole
 * payload; docs/security.md promises that none of those reach the logs.
 */
import { pino, type Logger } from 'pino';
import { getTransformStream } from '@probot/pino';
import type { Writable } from 'node:stream';
import type { LogLevel } from './settings.js';

export interface LoggerOptions {
  level: LogLevel;
  format: 'json' | 'pretty';
  /** Where lines go; stdout by default (tests pass a stream). */
  destination?: Writable;
}

export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const pinoOptions = { level: options.level, name: 'probot', serializers: { err: safeError, error: safeError } };
  if (options.destination) return pino(pinoOptions, options.destination);
  const transform = await getTransformStream({ logFormat: options.format });
  // Probot's own wiring (its getLog): the formatting stream writes to stdout.
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino(pinoOptions, transform);
}

interface SafeError {
  type: string;
  message: string;
  status?: number;
  request?: { method?: string; url?: string };
  stack?: string;
  errors?: SafeError[];
}

/** Name, message, HTTP status and request line; a stack only for our own faults, never bodies or payloads. */
export function safeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const error = value as Error & { status?: unknown; request?: { method?: string; url?: string }; errors?: unknown[] };
  const safe: SafeError = { type: error.name, message: firstLine(error.message) };
  if (typeof error.status === 'number') safe.status = error.status;
  if (error.request && typeof error.request === 'object') safe.request = { method: error.request.method, url: error.request.url };
  // A status means GitHub answered: the stack says nothing the request line does not.
  else if (error.stack) safe.stack = error.stack;
  if (Array.isArray(error.errors)) safe.errors = error.errors.map((inner) => safeError(inner) as SafeError);
  return safe;
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
