import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import { templatePaths } from '../config/select.js';
import type { SpecgateConfig } from '../config/load.js';
import { ALWAYS_IGNORED, configuredSpecs, sorted } from '../pipeline/workspace-specs.js';
import { fromCommandLine, UsageError, type Workspace } from './workspace.js';

export interface FindOptions {
  /** `--no-error-on-unmatched-pattern` turns this off: an argument that matches no spec is then skipped. */
  errorOnUnmatched: boolean;
}

/**
 * The spec files to check, as paths relative to the root with `/` separators. With no
 * arguments: the configured `paths`, searched from the root wherever specgate runs. A file
 * argument is checked as given; a directory means the markdown files under it; anything else is
 * a glob, relative to the current directory. `ignore` applies to what was searched for. An
 * argument that yields no spec is a usage error (exit 2), as in eslint: a typo must not pass.
 */
export function findSpecFiles(
  workspace: Pick<Workspace, 'cwd' | 'root'>,
  args: readonly string[],
  config: SpecgateConfig,
  options: FindOptions = { errorOnUnmatched: true },
): string[] {
  const { cwd, root } = workspace;
  if (args.length === 0) return configuredSpecs(root, config);
  const isIgnored = picomatch([...config.ignore, ...templatePaths(config)], { dot: true });
  const fromRoot = (path: string): string => fromCommandLine(workspace, path);
  const found = new Set<string>();
  for (const arg of args) {
    const stats = statSync(resolve(cwd, arg), { throwIfNoEntry: false });
    if (stats?.isFile()) {
      found.add(fromRoot(arg));
      continue;
    }
    const pattern = stats?.isDirectory() ? `${toPosix(relative(cwd, resolve(cwd, arg))) || '.'}/**/*.{md,markdown}` : arg;
    const matches = stats || picomatch.scan(arg).isGlob ? globSync(pattern, { cwd, ignore: ALWAYS_IGNORED, dot: true }).map(fromRoot) : [];
    const kept = matches.filter((path) => !isIgnored(path));
    if (kept.length === 0 && options.errorOnUnmatched) throw new UsageError(unmatched(arg, matches.length > 0 ? 'ignored' : stats ? 'empty' : 'missing'));
    for (const path of kept) found.add(path);
  }
  return sorted([...found]);
}

function unmatched(arg: string, why: 'missing' | 'ignored' | 'empty'): string {
  const skip = ' (--no-error-on-unmatched-pattern skips such an argument.)';
  if (why === 'ignored') return `Every file "${arg}" matches is ignored (the configuration's "ignore", or a template).${skip}`;
  if (why === 'empty') return `The folder "${arg}" holds no markdown file.${skip}`;
  return picomatch.scan(arg).isGlob ? `No file matches the pattern "${arg}".${skip}` : `"${arg}" does not exist.${skip}`;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
