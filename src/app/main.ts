/**
 * `npm start`: reads the settings (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
 * HOST, LOG_LEVEL, LOG_FORMAT, WEBHOOK_PATH, GHE_HOST/GHE_PROTOCOL, REDIS_URL), from `.env` too as
 * Probot does, and refuses to start with one line when one of them is wrong.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import { readSettings, SettingsError, type Settings } from './settings.js';

function loadDotEnv(): void {
  try {
    // Probot's own rule: values in .env override the environment.
    Object.assign(process.env, parseEnv(readFileSync('.env', 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SettingsError(`.env cannot be read: ${(error as Error).message}`);
  }
}

let settings: Settings;
try {
  loadDotEnv();
  settings = readSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  process.stderr.write(`specgate: cannot start: ${error.message}\n`);
  process.exit(1);
}

const log = await createLogger({ level: settings.logLevel, format: settings.logFormat });
const server = await startServer(settings, { log }).catch((error: Error) => {
  process.stderr.write(`specgate: cannot start: ${error.message}\n`);
  process.exit(1);
});

// Graceful shutdown: deliveries in flight finish (or give their claims back) before the exit.
// A second signal stops at once.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info(`specgate: ${signal}: no new deliveries; finishing those in flight`);
    process.once(signal, () => process.exit(1));
    void server.stop().then(() => {
      log.info('specgate: stopped');
      process.exit(0);
    });
  });
}
