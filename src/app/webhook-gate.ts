/**
 * The door in front of Probot's webhook middleware: a delivery must be signed with the app's
 * secret before any of it is parsed, handed to Probot or written to a log. A rejected delivery is
 * answered 400 (or 413/415) with one warning line: delivery id, event and reason, nothing of the
 * body. Probot would log the error twice, each time with the whole payload and a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verify } from '@octokit/webhooks-methods';
import type { Logger } from 'pino';

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export interface Rejection {
  status: number;
  reason: string;
}

/** Reads and verifies one delivery; on success the raw body is left on `request.body` for Probot. */
export async function admitDelivery(request: IncomingMessage, secret: string): Promise<Rejection | undefined> {
  const contentType = header(request, 'content-type');
  if (!/^\s*application\/json\s*(?:;|$)/i.test(contentType ?? '')) return { status: 415, reason: 'content type is not application/json' };
  const missing = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'].filter((name) => !header(request, name));
  if (missing.length > 0) return { status: 400, reason: `missing ${missing.join(', ')}` };
  const body = await readBody(request);
  if (body === undefined) return { status: 413, reason: `body over ${MAX_PAYLOAD_BYTES} bytes` };
  const signature = header(request, 'x-hub-signature-256')!;
  if (!(await verify(secret, body, signature).catch(() => false))) return { status: 400, reason: 'signature does not match the webhook secret' };
  // @octokit/webhooks' middleware takes a string body as the raw payload instead of reading the stream.
  (request as IncomingMessage & { body?: string }).body = body;
  return undefined;
}

export function rejectDelivery(request: IncomingMessage, response: ServerResponse, rejection: Rejection, log: Logger): void {
  // Everything in the message, so the pretty format prints one line too.
  const delivery = short(header(request, 'x-github-delivery')) ?? '(no id)';
  const event = short(header(request, 'x-github-event')) ?? '(no event)';
  log.warn(`specgate: webhook delivery ${delivery} (${event}) rejected with ${rejection.status}: ${rejection.reason}`);
  // Drain what the sender still writes, so the connection closes cleanly without buffering it.
  request.resume();
  response.writeHead(rejection.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: rejection.reason }));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Header values come from the sender: keep them short and printable in the log. */
function short(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
