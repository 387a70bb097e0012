import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    probe.once('error', reject);
  });
}

/**
 * Polls `ready` until it holds. No deadline of its own (a slow, loaded machine is still correct):
 * jest's hook timeout bounds it, and `exited` fails it at once when the process it waits for died.
 */
async function waitFor(what: string, ready: () => Promise<boolean>, exited: () => number | null = () => null): Promise<void> {
  for (;;) {
    if (await ready().catch(() => false)) return;
    const code = exited();
    if (code !== null) throw new Error(`${what} exited with code ${code} before it was ready`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What to install when redis-server is missing, in one line; undefined when it is there. */
export function redisServerMissing(): string | undefined {
  if (!spawnSync('redis-server', ['--version']).error && !spawnSync('redis-cli', ['--version']).error) return undefined;
  return 'redis-server is not installed; the multi-replica tests need it: sudo apt-get install redis-server (Debian/Ubuntu) or brew install redis (macOS)';
}

/** An error jest prints as its message alone, with no stack under it. */
export function oneLineError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * A real redis-server on a free loopback port, for the multi-replica tests (the README's quick
 * start names it; `.ci/run` installs Debian's package). Check `redisServerMissing()` first.
 */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await waitFor('redis-server', async () => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG', () => server.exitCode);
  return { url, stop: () => server.kill('SIGTERM') };
}

export function redisCli(url: string, ...args: string[]): string {
  const port = new URL(url).port;
  return spawnSync('redis-cli', ['-p', port, ...args]).stdout.toString().trim();
}

/** One replica: `npm start`'s entry point in its own process, configured only by environment variables. */
export async function startReplica(env: Record<string, string>): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'build/app/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('a replica', async () => (await fetch(`${url}/ping`)).ok, () => child.exitCode);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** How many webhook deliveries a replica has finished handling, whatever the outcome (its /metrics). */
export async function deliveriesHandled(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('specgate_deliveries_total{'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * Waits until the replicas together have finished `count` deliveries. Probot answers 202 when a
 * delivery takes longer than its 9 s timeout and goes on with it, so an answer alone does not
 * say the work is done: the replicas' own count of finished deliveries does.
 */
export async function untilHandled(urls: readonly string[], count: number): Promise<void> {
  const total = async (): Promise<number> => (await Promise.all(urls.map(deliveriesHandled))).reduce((sum, n) => sum + n, 0);
  await waitFor(`${count} deliveries`, async () => (await total()) >= count);
}
