// Builds the GitHub Action: one self-contained file, dist/action/index.js, that action.yml runs
// with `node24`. The runner has no node_modules and no package root beside it, so every
// dependency is bundled and the built-in template (templates/default.md) is inlined.
//
//   node scripts/build-action.mjs              writes dist/action/
//   node scripts/build-action.mjs --outdir D   writes D/ instead (the freshness test compares)
//
// The output depends only on the sources, the locked dependencies and esbuild's version, never on
// where the repository or the output directory is, so a rebuild is byte for byte the same.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const BANNER = [
  '// specgate GitHub Action, bundled by `npm run build:action` from src/action. Do not edit: rebuild.',
  // Bundled CommonJS dependencies (ajv, picomatch) call require() for Node's own modules.
  "import { createRequire as __specgateCreateRequire } from 'node:module';",
  'const require = __specgateCreateRequire(import.meta.url);',
].join('\n');

/**
 * @actions/core imports its OIDC client (@actions/http-client, and through it undici, 786 kB) at
 * the top of its index. The Action never asks for an OIDC token, and none of these modules does
 * anything when it is only imported, so esbuild may leave out whatever is not called.
 */
const importedForOidcOnly = {
  name: 'imported-for-oidc-only',
  setup(build) {
    build.onResolve({ filter: /^(@actions\/http-client|undici)(\/|$)/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

/** Builds the bundle into `outdir` (absolute, or relative to the repository). Returns the files written. */
export async function buildAction(outdir = 'dist/action') {
  const directory = resolve(ROOT, outdir);
  mkdirSync(directory, { recursive: true });
  const template = readFileSync(join(ROOT, 'templates/default.md'), 'utf8');
  const outfile = join(directory, 'index.js');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    // The oldest Node that runs it: the runner's is node24 (action.yml), the tests run it on this machine's.
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    tsconfig: 'tsconfig.build.json',
    define: { __SPECGATE_BUILTIN_TEMPLATE__: JSON.stringify(template) },
    banner: { js: BANNER },
    charset: 'utf8',
    legalComments: 'eof',
    sourcemap: false,
    logLevel: 'warning',
    plugins: [importedForOidcOnly],
  });
  // Node reads index.js as an ES module because of this file, whatever package.json is above it.
  const manifest = join(directory, 'package.json');
  writeFileSync(manifest, `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  return [outfile, manifest];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/action' } } });
  const written = await buildAction(values.outdir);
  console.log(`wrote ${written.map((file) => file.replace(ROOT, '')).join(' and ')}`);
}
