import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The configuration file names the CLI looks for, in this order, in each directory from the
 * current one up to the repository root. The app and the Action read `.github/specgate.yml`.
 */
export const CONFIG_NAMES = ['.github/specgate.yml', '.github/specgate.yaml', '.specgate.yml', '.specgate.yaml'] as const;

export interface Project {
  /** The directory the configuration's paths are relative to: the one holding the configuration, else the repository root. */
  root: string;
  /** The configuration file found, as an absolute path. */
  configFile?: string;
}

/**
 * Finds the configuration the way eslint and markdownlint-cli2 do: from `start` upward, the first
 * directory that holds one of `CONFIG_NAMES`; the search stops at the repository root (a directory
 * with `.git`, a folder or a worktree's file). Outside a repository it goes up to the file system's root.
 * With no configuration the project root is the repository root (or `start`, outside a repository),
 * so a run from `docs/specs/` checks what a run from the root would.
 */
export function findProject(start: string, exists: (path: string) => boolean = existsSync): Project {
  let directory = resolve(start);
  for (;;) {
    const name = CONFIG_NAMES.find((candidate) => exists(join(directory, candidate)));
    if (name !== undefined) {
      const configFile = join(directory, name);
      return { root: rootOfConfig(configFile), configFile };
    }
    if (exists(join(directory, '.git'))) return { root: directory };
    const parent = dirname(directory);
    if (parent === directory) return { root: resolve(start) };
    directory = parent;
  }
}

/**
 * The directory a discovered configuration file's paths are relative to: the parent of its
 * `.github` folder, else its own folder. In the usual case, the repository root.
 */
export function rootOfConfig(file: string): string {
  const folder = dirname(resolve(file));
  return basename(folder) === '.github' ? dirname(folder) : folder;
}

/**
 * The repository root at or above `start` (a directory with `.git`), or `start` outside a
 * repository: what the paths of a `--config` file are relative to, wherever the file lives.
 */
export function repositoryRoot(start: string, exists: (path: string) => boolean = existsSync): string {
  for (let directory = resolve(start); ; directory = dirname(directory)) {
    if (exists(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return resolve(start);
  }
}
