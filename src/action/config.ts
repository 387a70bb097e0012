/**
 * The configuration, read the way the app reads it: from the default branch through the API, so a
 * pull request cannot weaken its own gate (following `_extends` and the owner's `.github`
 * repository, with Probot's own loader). The workspace, which holds the pull request's version,
 * is read only when there is no token or the API cannot be reached; the log says which.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type LoadedConfig } from '../config/load.js';
import { parseConfig, validateConfig } from '../config/parse.js';
import { configLayers, mergeConfigLayers, mergeLayers } from '../config/merge.js';
import { readTextFile } from '../github/contents.js';
import { describeError, statusOf, type ApiClient } from './github.js';

export interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
}

export interface RepoConfig {
  loaded: LoadedConfig;
  /** Where templates are read from: the same place as the configuration. */
  via: 'api' | 'workspace';
  /** The file whose lines problems point at, when there is one. */
  source?: ConfigFile & { inThisRepository: boolean };
  /** Where the configuration came from, in a sentence for the log and the summary. */
  description: string;
  /** Set when the API was meant to be used and could not be: the log warns. */
  fallbackReason?: string;
}

export interface ConfigRequest {
  client?: ApiClient;
  owner: string;
  repo: string;
  path: string;
  workspace: string;
  defaultBranch?: string;
  /** Whether the workspace holds a pull request's version (rather than a pushed commit's). */
  pullRequest: boolean;
}

export async function readRepoConfig(request: ConfigRequest): Promise<RepoConfig> {
  if (!request.client) return fromWorkspace(request, 'no github-token was given');
  try {
    return await fromDefaultBranch(request.client, request);
  } catch (error) {
    return fromWorkspace(request, `the API could not be read (${describeError(error)})`);
  }
}

async function fromDefaultBranch(client: ApiClient, request: ConfigRequest): Promise<RepoConfig> {
  const { owner, repo, path } = request;
  const branch = request.defaultBranch === undefined ? 'the default branch' : `the default branch (${request.defaultBranch})`;
  const here = { owner, repo, path, inThisRepository: true };
  let result: Awaited<ReturnType<ApiClient['octokit']['config']['get']>>;
  try {
    result = await client.octokit.config.get({ owner, repo, path, defaults: mergeLayers });
  } catch (error) {
    if (statusOf(error) !== undefined) throw error;
    // Probot's loader says only "invalid YAML" (or a bad `_extends`): read the file for the line and the reason.
    const loaded = parseConfig((await readTextFile(client, here)) ?? '');
    if (loaded.problems.length === 0) loaded.problems.push({ key: '_extends', line: loaded.lineOf(['_extends']), message: describeError(error).replace(/^\[@probot\/octokit-plugin-config\] /, '') });
    return { loaded, via: 'api', source: here, description: `${path} from ${branch}, through the API` };
  }
  const found = result.files.filter((file) => file.config !== null);
  if (found.length === 0) {
    return { loaded: { config: defaultConfig(), problems: [], lineOf: () => 1 }, via: 'api', description: `the defaults: ${branch} has no ${path} (read through the API)` };
  }
  const first = found[0]!;
  const source = { owner: first.owner, repo: first.repo, path: first.path, inThisRepository: first.owner === owner && first.repo === repo };
  const names = found.map((file) => (file.owner === owner && file.repo === repo ? file.path : `${file.owner}/${file.repo}:${file.path}`));
  const description = `${names.join(', extending ')} from ${branch}, through the API`;
  const { _extends: _ignored, ...merged } = result.config as Record<string, unknown>;
  const loaded = validateConfig(merged);
  if (loaded.problems.length === 0) {
    const { notices } = mergeConfigLayers(configLayers(result.files));
    return { loaded: notices.length > 0 ? { ...loaded, notices } : loaded, via: 'api', source, description };
  }
  // Problems are rare: only then is the file read again, as text, to point at their lines.
  const located = parseConfig((await readTextFile(client, source)) ?? '');
  return { loaded: located.problems.length > 0 ? located : loaded, via: 'api', source, description };
}

function fromWorkspace(request: ConfigRequest, reason: string): RepoConfig {
  const file = join(request.workspace, request.path);
  const fallbackReason = `${reason}, so the configuration is read from the workspace${request.pullRequest ? ", which holds the pull request's version" : ''}`;
  if (!existsSync(file)) {
    return { loaded: { config: defaultConfig(), problems: [], lineOf: () => 1 }, via: 'workspace', description: `the defaults: the workspace has no ${request.path}`, fallbackReason };
  }
  const text = readFileSync(file, 'utf8');
  const loaded = parseConfig(text);
  const source = { owner: request.owner, repo: request.repo, path: request.path, inThisRepository: true };
  const extendsNote = /^_extends\s*:/m.test(text) ? ' (its _extends is not followed without the API)' : '';
  return { loaded, via: 'workspace', source, description: `${request.path} from the workspace${extendsNote}`, fallbackReason };
}
