/**
 * specgate for serverless platforms that call a Node `(request, response)` handler (Google Cloud
 * Functions, Vercel, Azure Functions' Node adapter, or any http.createServer): Probot's
 * createNodeMiddleware around the same app `npm start` runs, configured by the same variables.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createNodeMiddleware, createProbot } from 'probot';
import specgateApp from '../app/index.js';
import { SpecgateOctokit } from '../app/github/octokit.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

let middleware: Promise<(request: IncomingMessage, response: ServerResponse, next?: () => void) => unknown> | undefined;

/** Webhooks at `/api/github/webhooks` (or WEBHOOK_PATH); anything else is 404. */
export const handler: Handler = async (request, response) => {
  // Created on the first request, so a cold start reads the environment the platform gives it.
  middleware ??= createNodeMiddleware(specgateApp, { probot: createProbot({ overrides: { Octokit: SpecgateOctokit } }) });
  await (await middleware)(request, response, () => {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
  });
};
