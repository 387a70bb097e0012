import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';
import { KeyedQueue } from './locks.js';

/**
 * What several replicas behind one webhook URL must agree on: which deliveries are taken, and
 * who works on a pull request now. Alone, a process keeps both in memory; with REDIS_URL, in Redis.
 */
export interface Coordination {
  /** Takes a delivery (for one pull request); false when another run has it or finished it. */
  claim(delivery: string): Promise<boolean>;
  /** Hands a delivery back after a failure, so GitHub's redelivery runs it again. */
  release(delivery: string): Promise<void>;
  /** Runs work for a key after any other work for it, across every replica sharing the store. */
  serialize<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Whether this process alone sees every event: only then may it trust what it remembers of GitHub. */
  readonly alone: boolean;
  /** Lets go of the store (the Redis connection), at shutdown. */
  close(): Promise<void>;
}

export function localCoordination(): Coordination {
  const queue = new KeyedQueue();
  const taken = new LRUCache<string, true>({ max: 10_000 });
  return {
    alone: true,
    async claim(delivery) {
      if (taken.has(delivery)) return false;
      taken.set(delivery, true);
      return true;
    },
    async release(delivery) {
      taken.delete(delivery);
    },
    serialize: (key, work) => queue.run(key, work),
    close: async () => undefined,
  };
}

export interface RedisCoordinationOptions {
  /** How long a taken delivery is remembered (GitHub redelivers within days at most). */
  deliveryTtlSeconds?: number;
  /** A lock's life: a crashed holder blocks a pull request this long at most. Renewed while work runs. */
  lockMilliseconds?: number;
  /** How often a waiting replica asks for the lock again. */
  pollMilliseconds?: number;
}

// Deletes the lock only if it is still ours: an expired lock may belong to someone else by now.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export function redisCoordination(redis: Redis, options: RedisCoordinationOptions = {}): Coordination {
  const deliveryTtl = options.deliveryTtlSeconds ?? 3 * 24 * 3600;
  const lockTtl = options.lockMilliseconds ?? 60_000;
  const poll = options.pollMilliseconds ?? 100;
  const local = new KeyedQueue();
  return {
    alone: false,
    async claim(delivery) {
      return (await redis.set(`specgate:delivery:${delivery}`, '1', 'EX', deliveryTtl, 'NX')) === 'OK';
    },
    async release(delivery) {
      await redis.del(`specgate:delivery:${delivery}`);
    },
    // In-process order first, so one replica does not poll against itself.
    serialize: (key, work) => local.run(key, () => withLock(redis, `specgate:lock:${key}`, lockTtl, poll, work)),
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}

async function withLock<T>(redis: Redis, key: string, ttl: number, poll: number, work: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  while ((await redis.set(key, token, 'PX', ttl, 'NX')) !== 'OK') {
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
  const renewal = setInterval(() => void redis.eval(RENEW, 1, key, token, String(ttl)).catch(() => undefined), Math.max(100, ttl / 3));
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}

/** Redis when REDIS_URL is set (the same variable Probot reads to share its throttling), else memory. */
export function coordinationFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Coordination {
  const url = environment.REDIS_URL;
  return url ? redisCoordination(new Redis(url, { maxRetriesPerRequest: 3 })) : localCoordination();
}
