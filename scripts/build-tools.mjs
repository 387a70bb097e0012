// Builds the development tools in tools/dev (the GitHub stand-in, the in-process server launcher,
// webhook helpers and `npm run demo`) into build-tools/dev/, apart from the shipped build/: they
// are not in the npm package (package.json `files`) nor in the Docker image.
//
// esbuild bundles the app code the tools start (src/app, src/core, ...) into the output and
// leaves every npm package external. Every output file sits two folders below the repository, as
// build/app/*.js does, so the app's `new URL('../../templates/default.md', import.meta.url)` and
// `../../build/pipeline/check-worker.js` resolve the same from either. Shared code goes to chunks
// beside the entries, so importing two entries (bench/app.mjs does) loads one copy of each module.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTDIR = 'build-tools/dev';

rmSync(new URL(`../${OUTDIR}`, import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: {
    demo: 'tools/dev/demo.ts',
    'specgate-server': 'tools/dev/specgate-server.ts',
    webhooks: 'tools/dev/webhooks.ts',
    'github-stand-in': 'tools/dev/github-stand-in/index.ts',
  },
  outdir: OUTDIR,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  logLevel: 'warning',
});
