/**
 * The app's webhook as GitHub runs it: deliveries sent (signed) to the app's URL and recorded,
 * failed ones included, and the App API that lists them and redelivers one
 * (`GET /app/hook/deliveries`, `POST /app/hook/deliveries/{delivery_id}/attempts`), authenticated
 * with the app's JWT.
 */
import { randomUUID } from 'node:crypto';
import { deliverWebhook } from '../webhooks.js';
import { json, notFound, paginate, type ApiReply, type ApiRequest } from './http.js';
import type { Route } from './router.js';

export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
}

export class AppHook {
  /** Where deliveries go (`http://127.0.0.1:PORT/api/github/webhooks`) and the secret that signs them. */
  target: { url: string; secret: string } | undefined;
  /** Every delivery, newest first, as GitHub lists them. */
  readonly deliveries: HookDelivery[] = [];
  private readonly payloads = new Map<string, { name: string; payload: Record<string, any> }>();
  private nextId = 90_000;
  private readonly waiting: Array<(delivery: HookDelivery) => void> = [];

  /** Sends an event to the app's URL, as GitHub does; a refused connection is a failed delivery. */
  async send(name: string, payload: Record<string, any>, guid: string = randomUUID(), redelivery = false): Promise<HookDelivery> {
    this.payloads.set(guid, { name, payload });
    const started = performance.now();
    let status = 'failed to connect';
    let statusCode = 0;
    if (this.target) {
      try {
        const answer = await deliverWebhook(this.target.url.replace(/\/api\/github\/webhooks$/, ''), this.target.secret, { name, payload, id: guid });
        statusCode = answer.status;
        status = answer.status >= 200 && answer.status < 400 ? 'OK' : `Invalid HTTP Response: ${answer.status}`;
      } catch {
        // Nothing listens there: GitHub records the delivery as failed.
      }
    }
    const delivery: HookDelivery = {
      id: this.nextId++,
      guid,
      delivered_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      redelivery,
      duration: Math.round(performance.now() - started) / 1000,
      status,
      status_code: statusCode,
      event: name,
      action: typeof payload.action === 'string' ? payload.action : null,
      installation_id: typeof payload.installation?.id === 'number' ? payload.installation.id : null,
      repository_id: typeof payload.repository?.id === 'number' ? payload.repository.id : null,
    };
    this.deliveries.unshift(delivery);
    for (const resolve of this.waiting.splice(0)) resolve(delivery);
    return delivery;
  }

  /** Resolves with the next delivery once the app has answered it (or the attempt failed). */
  nextDelivery(): Promise<HookDelivery> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  readonly routes: Route[] = [
    { method: 'GET', template: '/app/hook/deliveries', asApp: true, handle: (request) => this.list(request) },
    { method: 'POST', template: '/app/hook/deliveries/{delivery_id}/attempts', asApp: true, handle: (request) => this.redeliver(request) },
  ];

  private list(request: ApiRequest): ApiReply {
    const { page, headers } = paginate(request, this.deliveries, '/app/hook/deliveries');
    return json(200, page, headers);
  }

  private redeliver(request: ApiRequest): ApiReply {
    const delivery = this.deliveries.find((candidate) => candidate.id === Number(request.params.delivery_id));
    const original = delivery && this.payloads.get(delivery.guid);
    if (!delivery || !original) return notFound();
    // GitHub answers at once and delivers after, with the same X-GitHub-Delivery.
    setImmediate(() => void this.send(original.name, original.payload, delivery.guid, true));
    return json(202, {});
  }
}
