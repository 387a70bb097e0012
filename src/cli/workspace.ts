import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defaultConfig, parseConfig, type ConfigProblem, type LoadedConfig } from '../config/load.js';

export const CONFIG_PATH = '.github/specgate.yml';

/** A problem the user must fix before anything can be checked: exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Whether the command line itself was wrong, so the usage text helps. */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** A configuration problem rendered `file:line: message`, as compilers do, so editors can jump to it. */
export class ConfigError extends UsageError {
  constructor(file: string, problems: ConfigProblem[]) {
    super(problems.map((problem) => `${file}:${problem.line}: ${problem.message}`).join('\n'));
  }
}

export interface Workspace {
  root: string;
  /** The configuration file, relative to the root, when there is one. */
  configFile?: string;
  loaded: LoadedConfig;
}

/** Reads `--config FILE`, else `.github/specgate.yml` when the directory has one, else the defaults. */
export function openWorkspace(root: string, configOption?: string): Workspace {
  const path = configOption ?? (existsSync(resolve(root, CONFIG_PATH)) ? CONFIG_PATH : undefined);
  if (path === undefined) return { root, loaded: { config: defaultConfig(), problems: [], lineOf: () => 1 } };
  const file = relative(root, resolve(root, path)) || path;
  const loaded = parseConfig(readText(resolve(root, path), `The configuration file "${path}"`));
  if (loaded.problems.length > 0) throw new ConfigError(file, loaded.problems);
  return { root, configFile: file, loaded };
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} does not exist.` : `${what} cannot be read (${code ?? String(error)}).`);
  }
}
