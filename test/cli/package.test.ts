/**
 * The specgate package is the CLI: `npm install specgate` brings what the CLI imports and nothing
 * else. The app's runtime (Probot, ioredis, prom-client, pino) is the workspace package
 * packages/app (specgate-app), and the Action's is bundled into dist/action.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers/fixtures.js';

const manifest = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { dependencies: Record<string, string> };

/** The npm packages a CLI entry point imports, directly or through the modules it imports. */
async function packagesImportedBy(entries: string[]): Promise<string[]> {
  const { metafile } = await build({ absWorkingDir: ROOT, entryPoints: entries, bundle: true, platform: 'node', format: 'esm', write: false, outdir: 'unused', metafile: true, packages: 'external', logLevel: 'silent' });
  const names = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((imported) => imported.external && !imported.path.startsWith('node:')).map((imported) => imported.path));
  return [...new Set(names.map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')))].sort();
}

test('its dependencies are exactly the packages the CLI and its worker threads import', async () => {
  const imported = await packagesImportedBy(['src/cli/main.ts', 'src/pipeline/check-worker.ts']);
  expect(Object.keys(manifest('package.json').dependencies).sort()).toEqual(imported);
});

test("Probot, ioredis, prom-client and pino are the app's (packages/app), not the CLI's", () => {
  const app = Object.keys(manifest('packages/app/package.json').dependencies);
  expect(app).toEqual(expect.arrayContaining(['probot', 'ioredis', 'prom-client', 'pino']));
  for (const name of ['probot', 'ioredis', 'prom-client', 'pino']) expect(manifest('package.json').dependencies[name]).toBeUndefined();
});

test('specgate and specgate-app together hold every package the app, its check worker and the serverless handler import', async () => {
  const imported = await packagesImportedBy(['src/app/main.ts', 'src/pipeline/check-worker.ts', 'src/serverless/node-handler.ts']);
  const installed = new Set([...Object.keys(manifest('package.json').dependencies), ...Object.keys(manifest('packages/app/package.json').dependencies)]);
  expect(imported.filter((name) => !installed.has(name))).toEqual([]);
});
