/** What the Actions runner tells a step: the GITHUB_* variables and the event that started the run. */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { PullRequestFacts } from '../verdict/pull-request.js';

/** A problem with the runner's environment: the step cannot run at all. */
export class SetupError extends Error {}

/** The part of a `pull_request` (or `pull_request_target`) payload the gate needs. */
export interface PullRequestContext extends PullRequestFacts {
  /** Whether the head is in another repository (a fork): its token is read-only. */
  fromFork: boolean;
}

/** A merge queue's merge group (`merge_group` events): the commit to judge and what it was built on. */
export interface MergeGroupContext {
  headSha: string;
  baseSha: string;
}

export interface ActionContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The REST API's base address; on GitHub Enterprise Server `https://HOST/api/v3`. */
  apiUrl: string;
  /** The repository's web address, for links in the summary and the comment. */
  repositoryUrl: string;
  /** The default branch, when the event says (for the log). */
  defaultBranch?: string;
  /** The checkout's root: where spec files are read from. */
  workspace: string;
  /** The commit the run is for (for a pull request, GitHub's merge commit). */
  sha: string;
  /** Set for pull request events. */
  pull?: PullRequestContext;
  /** Set for `merge_group` events. */
  mergeGroup?: MergeGroupContext;
  /** The label the event added or removed, and who did it (`labeled`, `unlabeled`). */
  labelEvent?: { label: string; login?: string; added: boolean };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

type Payload = Record<string, unknown>;

export function readContext(env: NodeJS.ProcessEnv): ActionContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new SetupError(`GITHUB_REPOSITORY must be "owner/repo", not "${repository}". Is this running in GitHub Actions?`);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  const repositoryPayload = object(payload.repository);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const context: ActionContext = {
    eventName,
    owner,
    repo,
    apiUrl: trimSlash(env.GITHUB_API_URL || 'https://api.github.com'),
    repositoryUrl: string(repositoryPayload?.html_url) ?? `${serverUrl}/${owner}/${repo}`,
    workspace: isAbsolute(workspace) ? workspace : resolve(workspace),
    sha: env.GITHUB_SHA ?? '',
  };
  const defaultBranch = string(repositoryPayload?.default_branch);
  if (defaultBranch !== undefined) context.defaultBranch = defaultBranch;
  const group = object(payload.merge_group);
  const groupHead = string(group?.head_sha);
  const groupBase = string(group?.base_sha);
  if (eventName === 'merge_group' && groupHead !== undefined && groupBase !== undefined) context.mergeGroup = { headSha: groupHead, baseSha: groupBase };
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    context.pull = pullRequestOf(payload);
    const label = string(object(payload.label)?.name);
    const action = string(payload.action);
    if (label !== undefined && (action === 'labeled' || action === 'unlabeled')) {
      const login = string(object(payload.sender)?.login);
      context.labelEvent = { label, added: action === 'labeled', ...(login === undefined ? {} : { login }) };
    }
  }
  return context;
}

function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SetupError(`The event file GITHUB_EVENT_PATH (${path}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return object(JSON.parse(text)) ?? {};
  } catch {
    throw new SetupError(`The event file GITHUB_EVENT_PATH (${path}) is not JSON.`);
  }
}

function pullRequestOf(payload: Payload): PullRequestContext {
  const pull = object(payload.pull_request);
  const head = object(pull?.head);
  const number = pull?.number;
  const headSha = string(head?.sha);
  if (!pull || typeof number !== 'number' || headSha === undefined) {
    throw new SetupError('The event is a pull request event, but its payload has no pull_request with a number and a head SHA.');
  }
  const headRepo = string(object(head?.repo)?.full_name);
  const baseRepo = string(object(object(pull.base)?.repo)?.full_name);
  return {
    number,
    headSha,
    baseSha: string(object(pull.base)?.sha) ?? '',
    draft: pull.draft === true,
    labels: (Array.isArray(pull.labels) ? pull.labels : []).map((label) => string(object(label)?.name) ?? ''),
    updatedAt: string(pull.updated_at) ?? '',
    changedFiles: typeof pull.changed_files === 'number' ? pull.changed_files : 0,
    fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    body: string(pull.body) ?? '',
  };
}

function object(value: unknown): Payload | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
