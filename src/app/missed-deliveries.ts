/**
 * Missed deliveries. GitHub does not retry a webhook the app never answered (a deploy, a crash, the
 * network), and a pull request whose delivery was lost would wait for its required check until
 * someone pushed again. As GitHub's docs recommend ("Handling failed webhook deliveries"), the app
 * asks for its recent deliveries (`GET /app/hook/deliveries`, authenticated as the app) at start and
 * then every few minutes, and asks GitHub to send again each event none of whose deliveries
 * succeeded (`POST /app/hook/deliveries/{id}/attempts`). Bounded in age, pages and redeliveries;
 * with REDIS_URL one replica sweeps at a time, and each event is asked for once across replicas.
 */
import type { Logger } from 'pino';
import type { Coordination } from './coordination.js';

export interface SweepLimits {
  /** Deliveries older than this are left alone. */
  maxAgeMs: number;
  /** Pages of 100 deliveries read per sweep, newest first. */
  maxPages: number;
  /** Redeliveries asked for per sweep. */
  maxRedeliveries: number;
}

export const DEFAULT_SWEEP_LIMITS: SweepLimits = { maxAgeMs: 3 * 3600_000, maxPages: 10, maxRedeliveries: 25 };

interface DeliveryItem {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
}

/** The two calls a sweep makes, on a client authenticated as the app (a JWT), not an installation. */
export interface AppHookClient {
  paginate: { iterator: (route: string, parameters: Record<string, unknown>) => AsyncIterable<{ data: unknown }> };
  request: (route: string, parameters: Record<string, unknown>) => Promise<unknown>;
}

export interface SweepResult {
  /** Deliveries read. */
  read: number;
  /** GUIDs (X-GitHub-Delivery) of the events GitHub was asked to send again. */
  redelivered: string[];
}

const succeeded = (delivery: DeliveryItem) => delivery.status_code >= 200 && delivery.status_code < 400;

/** One sweep: read recent deliveries, and ask again for the events that never got through. */
export async function redeliverMissed(client: AppHookClient, coordination: Coordination, log: Logger, now: number, limits: SweepLimits = DEFAULT_SWEEP_LIMITS): Promise<SweepResult> {
  const recent = await recentDeliveries(client, now - limits.maxAgeMs, limits.maxPages);
  // One event may have several deliveries (earlier redeliveries): it is missed only if none got through.
  const byEvent = new Map<string, DeliveryItem[]>();
  for (const delivery of recent) byEvent.set(delivery.guid, [...(byEvent.get(delivery.guid) ?? []), delivery]);
  const redelivered: string[] = [];
  for (const [guid, deliveries] of byEvent) {
    if (redelivered.length >= limits.maxRedeliveries) break;
    if (deliveries.some(succeeded)) continue;
    // Asked for once, whichever replica sweeps: a redelivery that fails again waits for a person.
    if (!(await coordination.claim(`redeliver ${guid}`))) continue;
    const latest = deliveries[0]!;
    try {
      await client.request('POST /app/hook/deliveries/{delivery_id}/attempts', { delivery_id: latest.id });
      redelivered.push(guid);
    } catch (error) {
      await coordination.release(`redeliver ${guid}`);
      log.warn({ err: error, delivery: guid, event: latest.event }, 'specgate: could not ask GitHub to redeliver a missed delivery');
    }
  }
  if (redelivered.length > 0) log.info({ redelivered }, `specgate: asked GitHub to redeliver ${redelivered.length} missed deliveries`);
  return { read: recent.length, redelivered };
}

/** Deliveries newer than `since`, newest first, at most `maxPages` pages of 100. */
async function recentDeliveries(client: AppHookClient, since: number, maxPages: number): Promise<DeliveryItem[]> {
  const found: DeliveryItem[] = [];
  let pages = 0;
  for await (const { data } of client.paginate.iterator('GET /app/hook/deliveries', { per_page: 100 })) {
    const page = data as DeliveryItem[];
    const fresh = page.filter((delivery) => Date.parse(delivery.delivered_at) >= since);
    found.push(...fresh);
    if (++pages >= maxPages || fresh.length < page.length) break;
  }
  return found;
}

export interface Sweeper {
  stop(): void;
}

/** How a sweep is scheduled: `setTimeout` in production, jest's fake one in tests. */
export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

/**
 * Sweeps at start and then every `intervalMs`, one replica at a time: with Redis, the replica that
 * takes the turn (`coordination.turn`) sweeps, the others wait for the next interval.
 */
export function startSweeps(
  sweep: () => Promise<unknown>,
  { intervalMs, coordination, log, timers = { setTimeout, clearTimeout: clearTimeout as Timers['clearTimeout'] } }: { intervalMs: number; coordination: Coordination; log: Logger; timers?: Timers },
): Sweeper {
  let handle: unknown;
  let stopped = false;
  const next = (): void => {
    if (stopped) return;
    handle = timers.setTimeout(() => void once().finally(next), intervalMs);
    (handle as { unref?: () => void }).unref?.();
  };
  const once = async (): Promise<void> => {
    try {
      if (await coordination.turn('redelivery sweep', intervalMs)) await sweep();
    } catch (error) {
      log.warn({ err: error }, 'specgate: the sweep for missed deliveries failed; the next one tries again');
    }
  };
  void once().finally(next);
  return {
    stop: () => {
      stopped = true;
      if (handle !== undefined) timers.clearTimeout(handle as never);
    },
  };
}
