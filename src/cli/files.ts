import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { specSelector } from '../config/select.js';
import type { SpecgateConfig } from '../config/load.js';
import { UsageError } from './workspace.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The spec files to check, as paths relative to the root with `/` separators. With no
 * arguments: the configured `paths`. A file argument is checked as given; a directory means
 * the markdown files under it; anything else is a glob. `ignore` applies to what was searched for.
 */
export function findSpecFiles(root: string, args: readonly string[], config: SpecgateConfig): string[] {
  const isSpec = specSelector(config);
  if (args.length === 0) {
    return sorted(globSync(config.paths, { cwd: root, ignore: ALWAYS_IGNORED, dot: true }).filter(isSpec));
  }
  const isIgnored = picomatch(config.ignore, { dot: true });
  const found = new Set<string>();
  for (const arg of args) {
    const absolute = resolve(root, arg);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      found.add(toPosix(relative(root, absolute)));
      continue;
    }
    const pattern = stats?.isDirectory() ? `${toPosix(relative(root, absolute)) || '.'}/**/*.{md,markdown}` : arg;
    const matches = globSync(pattern, { cwd: root, ignore: ALWAYS_IGNORED, dot: true }).filter((path) => !isIgnored(path));
    // A glob may rightly match nothing; a plain path that does not exist is a typo.
    if (!stats && !picomatch.scan(arg).isGlob) throw new UsageError(`No file matches "${arg}".`);
    for (const match of matches) found.add(match);
  }
  return sorted([...found]);
}

function sorted(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
