// The same server as `npm start` (build/app/server.js: the webhook gate, Probot's middleware and
// Octokit class, the same logger), with specgate's app replaced, for bench/app-breakdown.mjs:
// SPECGATE_BENCH_STUB=nothing answers every pull_request delivery having done nothing (Probot's
// floor); =calls makes the Octokit requests recorded from one specgate delivery
// (SPECGATE_BENCH_TAPE, a JSON file), one after the other, with this delivery's repository.
import { readFileSync } from 'node:fs';
import { createLogger } from '../build/app/logger.js';
import { startServer } from '../build/app/server.js';
import { readSettings } from '../build/app/settings.js';

const mode = process.env.SPECGATE_BENCH_STUB;
const tape = mode === 'calls' ? JSON.parse(readFileSync(process.env.SPECGATE_BENCH_TAPE, 'utf8')) : undefined;
let failures = 0;

/** One recorded request, moved to this delivery's repository, pull request head and blobs. */
function replayed(request, { owner, repo, headSha }, fileShas) {
  let text = JSON.stringify(request).replaceAll(tape.repo, repo).replaceAll(tape.headSha, headSha);
  tape.fileShas.forEach((sha, index) => (text = text.replaceAll(sha, fileShas[index])));
  const { method, url, parameters } = JSON.parse(text);
  return [`${method} ${url}`, { ...parameters, owner, repo }];
}

function stubApp(probot) {
  probot.on('pull_request', async (context) => {
    if (!tape) return;
    const where = { ...context.repo(), headSha: context.payload.pull_request.head.sha };
    const fileShas = [];
    for (const request of tape.requests) {
      const answer = await context.octokit.request(...replayed(request, where, fileShas)).catch((error) => {
        failures += 1;
        if (process.env.SPECGATE_BENCH_DEBUG) process.stderr.write(`${request.method} ${request.url}: ${error.status} ${error.message}\n`);
      });
      if (request.url.endsWith('/files')) fileShas.push(...answer.data.map((file) => file.sha));
    }
  });
}

const settings = readSettings(process.env);
const log = await createLogger({ level: settings.logLevel, format: settings.logFormat });
const server = await startServer(settings, { log, app: stubApp });
process.once('SIGTERM', () =>
  void server.stop().then(() => {
    // Written for the bench to read: a replay that GitHub refused is not the same calls.
    if (failures > 0) process.stderr.write(`stub-server: ${failures} replayed requests failed\n`);
    process.exit(0);
  }),
);
