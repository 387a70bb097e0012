import { defaultConfig, type ConfigProblem, type LoadedConfig } from '../../config/load.js';
import { parseConfig, validateConfig } from '../../config/parse.js';
import { configLayers, mergeConfigLayers, mergeLayers } from '../../config/merge.js';
import { readTextFile, statusOf } from '../../github/contents.js';
import type { RepoClient } from './repo.js';

export const CONFIG_FILE = '.github/specgate.yml';

export interface RepoConfig {
  loaded: LoadedConfig;
  /** Where problems are, when the configuration has them: this repository's file or another's. */
  source: { owner: string; repo: string; path: string };
  /**
   * The check run's name, kept even when a problem elsewhere in the file leaves `loaded` at the
   * defaults: branch protection waits for a check by this name, so a failure must carry it.
   */
  checkName: string;
}

/**
 * The configuration from the default branch (never the pull request's head, so a pull request
 * cannot weaken its own gate), following `_extends` and the owner's `.github` repository the
 * way Probot's `context.config` does. Parse and schema problems come back as values with lines.
 */
export async function readConfig(client: RepoClient): Promise<RepoConfig> {
  const { owner, repo, octokit } = client;
  const here = { owner, repo, path: CONFIG_FILE };
  let result: Awaited<ReturnType<typeof octokit.config.get>>;
  try {
    result = await octokit.config.get({ owner, repo, path: CONFIG_FILE, defaults: mergeLayers });
  } catch (error) {
    if (statusOf(error) !== undefined) throw error;
    // Probot's loader says only "invalid YAML": read the file again for the line and the reason.
    return { loaded: await parseRaw(client, here), source: here, checkName: defaultConfig().check_name };
  }
  const files = result.files.filter((file) => file.config !== null);
  const source = files[0] ? { owner: files[0].owner, repo: files[0].repo, path: files[0].path } : here;
  const loaded = validateConfig(stripExtends(result.config));
  if (loaded.problems.length === 0) {
    const { notices } = mergeConfigLayers(configLayers(files));
    return { loaded: notices.length > 0 ? { ...loaded, notices } : loaded, source, checkName: loaded.config.check_name };
  }
  // Problems are rare: only then is the file read again, as text, to point at their lines.
  const located = await parseRaw(client, source);
  return { loaded: located.problems.length > 0 ? located : loaded, source, checkName: checkNameDespite(result.config, loaded.problems) };
}

/** A `check_name` the schema accepts is used even when other keys are wrong. */
function checkNameDespite(config: Record<string, unknown>, problems: ConfigProblem[]): string {
  const name = config.check_name;
  return typeof name === 'string' && !problems.some((problem) => problem.key === 'check_name') ? name : defaultConfig().check_name;
}

/**
 * Where each key of the configuration file is. Probot hands over parsed values without lines, so
 * a problem found after loading (a template that does not exist) reads the file again, as text.
 */
export async function configLines(client: RepoClient, source: RepoConfig['source']): Promise<LoadedConfig['lineOf']> {
  return (await parseRaw(client, source)).lineOf;
}

function stripExtends(config: Record<string, unknown>): Record<string, unknown> {
  const { _extends: _ignored, ...rest } = config;
  return rest;
}

async function parseRaw(client: RepoClient, source: { owner: string; repo: string; path: string }): Promise<LoadedConfig> {
  const text = await readTextFile(client, source);
  return parseConfig(text ?? '');
}
