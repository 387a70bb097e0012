// `npm run bench`: the app's part (bench/app.mjs, under a minute), where the app's CPU and memory go
// (bench/app-breakdown.mjs, about two minutes), then the core and CLI part
// (bench/core.mjs), which gets what is left of 5 minutes and fits its rounds to it.
// `npm run bench -- app`, `-- app-breakdown` or `-- core` runs one part alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PARTS = { app: 'app.mjs', 'app-breakdown': 'app-breakdown.mjs', core: 'core.mjs' };
const BUDGET_S = 290;
const asked = process.argv.slice(2);
const names = asked.length === 0 || asked.includes('all') ? ['app', 'app-breakdown', 'core'] : asked;
const started = performance.now();

let failed = false;
for (const name of names) {
  const file = PARTS[name] && fileURLToPath(new URL(PARTS[name], import.meta.url));
  if (!file || !existsSync(file)) {
    console.error(`No bench part "${name}". Parts: ${Object.keys(PARTS).join(', ')}, all.`);
    failed = true;
    continue;
  }
  if (names.length > 1) console.log(`\n=== bench: ${name} (bench/${PARTS[name]}) ===\n`);
  const left = Math.round(BUDGET_S - (performance.now() - started) / 1000);
  const result = spawnSync(process.execPath, [file], { stdio: 'inherit', env: { ...process.env, SPECGATE_BENCH_BUDGET_S: String(left) } });
  if (result.status !== 0) {
    console.error(`bench/${PARTS[name]} failed with exit code ${result.status}`);
    failed = true;
  }
}
console.log(`\nnpm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
process.exitCode = failed ? 1 : 0;
