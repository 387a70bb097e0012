/**
 * specgate for serverless platforms that call a Node `(request, response)` handler (Google Cloud
 * Functions, Vercel, Azure Functions' Node adapter, or any http.createServer): the same request
 * handler and settings as `npm start`, so the same webhook gate and the same refusal of bad settings.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger } from '../app/logger.js';
import { createRequestHandler } from '../app/server.js';
import { readSettings, SettingsError } from '../app/settings.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

let loaded: Promise<Handler> | undefined;

async function load(): Promise<Handler> {
  try {
    const settings = readSettings(process.env);
    const log = await createLogger({ level: settings.logLevel, format: 'json' });
    return await createRequestHandler(settings, { log });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // The platform's log gets the one line; the caller learns only that the function is misconfigured.
    process.stderr.write(`specgate: cannot start: ${error.message}\n`);
    return async (_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"specgate is misconfigured; see the function\'s log"}');
    };
  }
}

/** Webhooks at `/api/github/webhooks` (or WEBHOOK_PATH), `/ping`; anything else is 404. */
export const handler: Handler = async (request, response) => {
  // Created on the first request, so a cold start reads the environment the platform gives it.
  loaded ??= load();
  await (await loaded)(request, response);
};
