import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES, findProject, repositoryRoot } from '../config/discover.js';
import { defaultConfig, type ConfigProblem, type LoadedConfig } from '../config/load.js';

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
  /** Where specgate was run: command-line paths are relative to it. */
  cwd: string;
  /** What the configuration's paths are relative to, and what reported paths are relative to. */
  root: string;
  /** The configuration file as messages name it (relative to the current directory), when there is one. */
  configFile?: string;
  loaded: LoadedConfig;
}

/**
 * `--config FILE` (relative to the current directory; its paths relative to the repository root),
 * else the first configuration file found from the current directory up to the repository root
 * (`CONFIG_NAMES`; its paths relative to the folder that holds it), else the defaults.
 */
export async function openWorkspace(cwd: string, configOption?: string): Promise<Workspace> {
  const project = configOption === undefined ? findProject(cwd) : { root: repositoryRoot(cwd), configFile: resolve(cwd, configOption) };
  return loadWorkspace(cwd, project.root, project.configFile, configOption);
}

/**
 * The workspace of a fixed root, for callers that are not a command line (the evaluation, the rule
 * pages' tests): `configOption` relative to the root, else a configuration file right in the root.
 */
export async function workspaceAt(root: string, configOption?: string): Promise<Workspace> {
  const name = configOption ?? CONFIG_NAMES.find((candidate) => existsSync(resolve(root, candidate)));
  return loadWorkspace(root, root, name === undefined ? undefined : resolve(root, name), configOption);
}

async function loadWorkspace(cwd: string, root: string, configFile: string | undefined, configOption: string | undefined): Promise<Workspace> {
  if (configFile === undefined) return { cwd, root, loaded: { config: defaultConfig(), problems: [], lineOf: () => 1 } };
  const file = relative(cwd, configFile) || configFile;
  // Loaded only here: YAML and the schema validator are a tenth of a second a run with no configuration file saves.
  const { parseConfig } = await import('../config/parse.js');
  const loaded = parseConfig(readText(configFile, `The configuration file "${configOption ?? file}"`));
  if (loaded.problems.length > 0) throw new ConfigError(file, loaded.problems);
  return { cwd, root, configFile: file, loaded };
}

/** A path of the command line (relative to the current directory) as a report names it: relative to the root, with `/`. */
export function fromCommandLine(workspace: Pick<Workspace, 'cwd' | 'root'>, path: string): string {
  return relative(workspace.root, resolve(workspace.cwd, path)).split(sep).join('/');
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} does not exist.` : `${what} cannot be read (${code ?? String(error)}).`);
  }
}
