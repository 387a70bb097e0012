import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';

describe('the serverless handler (createNodeMiddleware, configured by the environment)', () => {
  test('checks a signed webhook and refuses an unsigned one, like npm start', async () => {
    const credentials = generateAppCredentials();
    const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master' });
    repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'src/index.ts': 'export {};\n' } });
    Object.assign(process.env, {
      APP_ID: String(credentials.appId),
      PRIVATE_KEY: credentials.privateKey,
      WEBHOOK_SECRET: credentials.webhookSecret,
      GHE_HOST: github.gheHost,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'silent',
    });
    const { handler } = await import('../../src/serverless/node-handler.js');
    const server: Server = createServer((request, response) => void handler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
    try {
      const body = JSON.stringify(pullRequestEvent(repo, 2, 'opened'));
      const headers = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'serverless-1' };
      const signature = `sha256=${createHmac('sha256', credentials.webhookSecret).update(body).digest('hex')}`;
      expect((await fetch(url, { method: 'POST', headers: { ...headers, 'x-hub-signature-256': signature }, body })).status).toBe(200);
      expect(repo.checkRuns().map((run) => run.conclusion)).toEqual(['success']);
      expect((await fetch(url, { method: 'POST', headers: { ...headers, 'x-github-delivery': 'serverless-2' }, body })).status).toBe(400);
      expect(repo.checkRuns()).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await github.close();
      for (const name of ['APP_ID', 'PRIVATE_KEY', 'WEBHOOK_SECRET', 'GHE_HOST', 'GHE_PROTOCOL', 'LOG_LEVEL']) delete process.env[name];
    }
  });
});
