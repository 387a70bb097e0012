// `npm run bench`: the core and CLI bench (bench/core.mjs), which keeps within 5 minutes.
// `npm run bench -- app` runs the app's bench (bench/app.mjs, about as long again), `-- all` both.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PARTS = { app: 'app.mjs', core: 'core.mjs' };
const asked = process.argv.slice(2);
const names = asked.length === 0 ? ['core'] : asked.includes('all') ? ['app', 'core'] : asked;

let failed = false;
for (const name of names) {
  const file = PARTS[name] && fileURLToPath(new URL(PARTS[name], import.meta.url));
  if (!file || !existsSync(file)) {
    console.error(`No bench part "${name}". Parts: ${Object.keys(PARTS).join(', ')}, all.`);
    failed = true;
    continue;
  }
  if (names.length > 1) console.log(`\n=== bench: ${name} (bench/${PARTS[name]}) ===\n`);
  const result = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench/${PARTS[name]} failed with exit code ${result.status}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
