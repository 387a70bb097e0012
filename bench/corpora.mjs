// The two corpora the benches check, and how the peers are set up for them: shared by
// bench/core.mjs (`npm run bench`) and bench/cli-rounds.mjs, so both give rumdl the same rules.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from '../build/core/index.js';
import { walk } from './walk.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = process.env.SPECGATE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');

const KEP_TEMPLATE = 'keps/NNNN-kep-template/README.md';

/**
 * Each corpus: its root, its template, its specs (the template itself left out, as
 * `specgate check --template` leaves it out), and the arguments or globs each tool is given.
 */
export const CORPORA = [
  {
    name: 'rust-rfcs',
    root: join(CORPUS, 'rust-rfcs'),
    template: '0000-template.md',
    paths: () => walk(join(CORPUS, 'rust-rfcs', 'text'), (_, name) => name.endsWith('.md')),
    specgateArgs: ['text'],
    markdownlintGlobs: ['text/**/*.md'],
  },
  {
    name: 'kubernetes-keps',
    root: join(CORPUS, 'kubernetes-keps'),
    template: KEP_TEMPLATE,
    paths: () => walk(join(CORPUS, 'kubernetes-keps', 'keps'), (path, name) => name === 'README.md' && path !== join(CORPUS, 'kubernetes-keps', KEP_TEMPLATE)),
    specgateArgs: ['keps/**/README.md'],
    markdownlintGlobs: ['keps/**/README.md', `!${KEP_TEMPLATE}`],
  },
];

/** The template's headings as MD043 wants them; a title or an optional section may be anything (`*`). */
export function requiredHeadings(templateText) {
  const template = parseTemplate(templateText);
  const headings = template.title === undefined ? [] : ['*'];
  for (const section of template.all) headings.push(section.optional ? '*' : `${'#'.repeat(section.level)} ${section.heading}`);
  return headings;
}

/** rumdl's configuration: MD043 with the template's headings, and MD082 with parent headings allowed (specgate's empty-section: a section with only sub-sections is not empty). */
export function writeRumdlConfig(toml, headings) {
  const list = `[${headings.map((value) => JSON.stringify(value)).join(', ')}]`;
  writeFileSync(toml, `[global]\nenable = ["MD043", "MD082"]\n\n[MD043]\nheadings = ${list}\n\n[MD082]\nallow-parent-headings = true\n`);
  return toml;
}

/** The rumdl binary npm installed for this platform, with its version; or why there is none. */
export function rumdlBinary() {
  // The npm package `rumdl` runs a prebuilt binary from a platform package of the same registry.
  const platform = `@rumdl/cli-${process.platform}-${process.arch}`;
  try {
    const require = createRequire(import.meta.url);
    const binary = join(require.resolve(`${platform}/package.json`).replace(/package\.json$/, ''), process.platform === 'win32' ? 'rumdl.exe' : 'rumdl');
    if (!existsSync(binary)) return { skip: `${platform} has no binary` };
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
    if (version.status !== 0) return { skip: `${binary} does not run: ${version.stderr || version.error}` };
    return { binary, version: version.stdout.trim() };
  } catch {
    return { skip: `npm did not install ${platform} (rumdl ships its binary as an optional dependency for each platform)` };
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
