import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings, SettingsError } from '../../src/app/settings.js';
import { ROOT } from '../helpers/fixtures.js';
import { PRIVATE_KEY } from '../helpers/github.js';
import { freePort } from '../helpers/replicas.js';

const MAIN = join(ROOT, 'build/app/main.js');
/** An empty working directory: no .env and no stray .pem for Probot's key lookup to find. */
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'specgate-start-'));
const KEY_FILE = join(mkdtempSync(join(tmpdir(), 'specgate-key-')), 'app.pem');
writeFileSync(KEY_FILE, PRIVATE_KEY);
const GOOD = { APP_ID: '123', PRIVATE_KEY_PATH: KEY_FILE, WEBHOOK_SECRET: 'a-real-secret' };

/** `npm start`'s entry point with exactly these variables; it must exit by itself. */
function start(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN], { cwd: EMPTY_DIR, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start refuses bad settings with one line, and never serves', () => {
  test.each([
    ['no WEBHOOK_SECRET', { APP_ID: '123', PRIVATE_KEY_PATH: KEY_FILE }, 'WEBHOOK_SECRET is not set'],
    ["Probot's public default secret", { ...GOOD, WEBHOOK_SECRET: 'development' }, 'WEBHOOK_SECRET is "development"'],
    ['no APP_ID', { PRIVATE_KEY_PATH: KEY_FILE, WEBHOOK_SECRET: 's' }, 'APP_ID is not set'],
    ['a non-numeric APP_ID', { ...GOOD, APP_ID: 'my-app' }, 'APP_ID must be'],
    ['no private key', { APP_ID: '123', WEBHOOK_SECRET: 's' }, 'PRIVATE_KEY or PRIVATE_KEY_PATH is not set'],
    ['an unreadable key file', { ...GOOD, PRIVATE_KEY_PATH: join(EMPTY_DIR, 'missing.pem') }, 'PRIVATE_KEY_PATH "'],
    ['a key that is not a PEM key', { APP_ID: '123', WEBHOOK_SECRET: 's', PRIVATE_KEY: 'not a key' }, 'PRIVATE_KEY is not a readable PEM private key'],
    ['a non-numeric PORT', { ...GOOD, PORT: 'http' }, 'PORT must be a number'],
  ])('%s: exit 1, one line naming the variable, nothing on stdout', (_, env, expected) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`specgate: cannot start: ${expected}`);
    // The key's own text never appears, even when it is what is wrong.
    expect(result.stderr).not.toContain('BEGIN RSA PRIVATE KEY');
  });

  test('explicit development mode starts with the insecure default and says so loudly', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      cwd: EMPTY_DIR,
      env: { PATH: process.env.PATH ?? '', APP_ID: '123', PRIVATE_KEY_PATH: KEY_FILE, SPECGATE_DEVELOPMENT: '1', PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) => child.stdout.on('data', () => output.includes('listening on') && resolve()));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const warning = output.split('\n').map((line) => (line ? JSON.parse(line) : {})).find((line) => /DEVELOPMENT MODE/.test(line.msg ?? ''));
    expect(warning).toMatchObject({ level: 40 });
    expect(warning.msg).toMatch(/anyone can sign/);
  });
});

describe('readSettings', () => {
  test('a complete environment gives the settings Probot needs', () => {
    const settings = readSettings({ ...GOOD, PORT: '8080', GHE_HOST: 'ghe.example.com', LOG_LEVEL: 'debug', REDIS_URL: 'redis://r:6379' }, EMPTY_DIR);
    expect(settings).toMatchObject({ appId: 123, webhookSecret: 'a-real-secret', port: 8080, baseUrl: 'https://ghe.example.com/api/v3', logLevel: 'debug', redisUrl: 'redis://r:6379', insecureDevelopment: false });
    expect(settings.privateKey).toContain('PRIVATE KEY');
  });

  test("GitHub's PKCS#1 key is held as PKCS#8, the same key, so no installation token converts it again", () => {
    const settings = readSettings(GOOD, EMPTY_DIR);
    expect(PRIVATE_KEY).toContain('BEGIN RSA PRIVATE KEY');
    expect(settings.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const publicPem = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'pem' });
    expect(publicPem(settings.privateKey)).toEqual(publicPem(PRIVATE_KEY));
  });

  test('PRIVATE_KEY with escaped line breaks, as .env files hold it, is accepted', () => {
    const settings = readSettings({ APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY: PRIVATE_KEY.replace(/\n/g, '\\n') }, EMPTY_DIR);
    expect(settings.privateKey.split('\n').length).toBeGreaterThan(3);
  });

  test.each([
    [{ GHE_HOST: 'ghe', GHE_PROTOCOL: 'ftp' }, 'GHE_PROTOCOL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ID: '0' }, 'APP_ID'],
  ])('%j is refused, naming %s', (extra, variable) => {
    expect(() => readSettings({ ...GOOD, ...extra }, EMPTY_DIR)).toThrow(SettingsError);
    expect(() => readSettings({ ...GOOD, ...extra }, EMPTY_DIR)).toThrow(variable);
  });
});
