/**
 * Webhook deliveries as GitHub sends them: GitHub's own example payloads (@octokit/webhooks-examples,
 * a development dependency), patched to match the stand-in's state, and signed with the secret.
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { request } from 'node:http';
import type { RepoHandle } from './github-stand-in/index.js';

const require = createRequire(import.meta.url);

type Payload = Record<string, any>;
interface WebhookDefinition {
  name: string;
  examples: Array<Payload & { action?: string; installation?: unknown }>;
}

let definitions: WebhookDefinition[] | undefined;

/** A copy of GitHub's example payload for an event and action, one with an installation (Probot needs it). */
export function exampleWebhook(event: string, action: string): Payload {
  definitions ??= require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookDefinition[];
  const example = definitions.find((definition) => definition.name === event)?.examples.find((candidate) => candidate.action === action && candidate.installation);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example with an installation`);
  return structuredClone(example);
}

/**
 * GitHub's `pull_request.<action>` example (Codertocat/Hello-World) patched to the stand-in's pull
 * request: number, head and base SHAs and refs, `changed_files`, `updated_at`, draft, labels, and
 * the web addresses (`html_url`), which point at the stand-in. `synchronize` gets `before`/`after`.
 */
export function pullRequestEvent(repo: RepoHandle, number: number, action: string): Payload {
  const payload = exampleWebhook('pull_request', action);
  const actual = repo.pullRequestJson(number) as Payload;
  const pull = payload.pull_request as Payload;
  payload.number = number;
  for (const key of ['number', 'url', 'html_url', 'diff_url', 'patch_url', 'issue_url', 'state', 'title', 'updated_at', 'draft', 'changed_files', 'additions', 'deletions', 'commits']) {
    pull[key] = actual[key];
  }
  pull.labels = actual.labels;
  for (const side of ['head', 'base'] as const) {
    for (const key of ['ref', 'sha', 'label']) pull[side][key] = actual[side][key];
    pull[side].repo.html_url = actual[side].repo.html_url;
  }
  payload.repository.html_url = actual.base.repo.html_url;
  if (action === 'synchronize') {
    const shas = repo.state.pulls.get(number)!.shas;
    payload.before = shas.at(-2) ?? actual.base.sha;
    payload.after = actual.head.sha;
  }
  return payload;
}

/** GitHub's `merge_group.checks_requested` example, moved to the stand-in's repository and merge group. */
export function mergeGroupEvent(repo: RepoHandle, group: { headSha: string; headRef: string; baseSha: string; baseRef: string }): Payload {
  const payload = exampleWebhook('merge_group', 'checks_requested');
  payload.repository = repo.repositoryJson();
  payload.merge_group = { ...payload.merge_group, head_sha: group.headSha, head_ref: group.headRef, base_sha: group.baseSha, base_ref: group.baseRef, head_commit: { ...payload.merge_group.head_commit, id: group.headSha } };
  return payload;
}

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  status: number;
  body: string;
  /** Milliseconds from sending to the app's answer (Probot answers once every handler has finished). */
  ms: number;
}

/**
 * POSTs a signed delivery to the app's webhook path, as GitHub does: on a connection of its own, so
 * a delivery never lands on a kept-alive socket the server is closing (ECONNRESET on a busy machine).
 */
export async function deliverWebhook(appUrl: string, secret: string, delivery: { name: string; id: string; payload: unknown }): Promise<Delivery> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'GitHub-Hookshot/stand-in',
    'x-github-event': delivery.name,
    'x-github-delivery': delivery.id,
    'x-hub-signature-256': signature(body, secret),
  };
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = request(`${appUrl}/api/github/webhooks`, { method: 'POST', headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
  return { status, body: text, ms: Math.round(performance.now() - started) };
}
