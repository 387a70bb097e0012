/**
 * The Action as the runner starts it: `node dist/action/index.js` in a child process, with a
 * GitHub Actions environment (GITHUB_*, INPUT_*, an event file, output and summary files) and
 * GITHUB_API_URL pointing at the GitHub stand-in (nock cannot reach into a child process).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAction as runActionHere } from '../../src/action/run.js';
import { GitHubStandIn, type RepoHandle, type StandInOptions } from '../../tools/dev/github-stand-in/index.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { ROOT } from '../helpers/fixtures.js';

export const ACTION_ENTRY = join(ROOT, 'dist/action/index.js');
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const SPEC = 'docs/specs/audit-log-export.md';
export const INCOMPLETE = readFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), 'utf8');
export const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');

/** A stand-in whose tokens act as `github-actions[bot]`, as the workflow's GITHUB_TOKEN does. */
export async function startGitHub(options: StandInOptions = {}): Promise<GitHubStandIn> {
  return GitHubStandIn.start({ appSlug: 'github-actions', ...options });
}

/** Codertocat/Hello-World, default branch `master`, with these files on it. */
export function seedRepo(github: GitHubStandIn, files: Record<string, string> = {}): RepoHandle {
  return github.addRepo({ owner: OWNER, name: REPO, id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello-World\n', ...files } });
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `specgate-action-${name}-`));
}

/** A fresh workspace holding these files (path → text), as a checkout would leave them. */
export function workspaceWith(files: Record<string, string>): string {
  const workspace = tempDir('workspace');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return workspace;
}

/** A checkout of a branch or commit into a fresh directory, as actions/checkout leaves it; `changes` then edit it. */
export function checkout(repo: RepoHandle, ref: string, changes: Record<string, string> = {}): string {
  const workspace = tempDir('workspace');
  const commit = repo.state.resolve(ref);
  if (!commit) throw new Error(`no commit for ${ref}`);
  const files: Record<string, string | Uint8Array> = Object.fromEntries(commit.tree);
  Object.assign(files, changes);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  return workspace;
}

/** GitHub's `pull_request` example delivery, patched to the stand-in's pull request, as a file. */
export function pullRequestEventFile(repo: RepoHandle, number: number, action = 'opened', patch: (payload: any) => void = () => {}): string {
  const payload = pullRequestEvent(repo, number, action);
  patch(payload);
  return writeEvent(payload);
}

export function writeEvent(payload: unknown): string {
  const file = join(tempDir('event'), 'event.json');
  writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** $GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** $GITHUB_STEP_SUMMARY. */
  summary: string;
}

export interface ActionSetup {
  workspace: string;
  eventName?: string;
  eventFile?: string;
  apiUrl?: string;
  token?: string;
  sha?: string;
  /** By input name as action.yml spells it: `check-name`, `fail-on`, … */
  inputs?: Record<string, string>;
  /** `owner/name` (default Codertocat/Hello-World). */
  repository?: string;
  /** Another entry point (a copy of the bundle elsewhere). */
  entry?: string;
}

/** The environment the runner gives a `node24` action step (nothing inherited from this process but PATH). */
export function actionEnv(setup: ActionSetup, files: { output: string; summary: string }): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: setup.repository ?? `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: setup.eventName ?? 'pull_request',
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_SHA: setup.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    // What action.yml's defaults make the runner pass.
    INPUT_CONFIG: '.github/specgate.yml',
    'INPUT_FAIL-ON': 'error',
    'INPUT_GITHUB-TOKEN': setup.token ?? '',
  };
  if (setup.eventFile) env.GITHUB_EVENT_PATH = setup.eventFile;
  if (setup.apiUrl) env.GITHUB_API_URL = setup.apiUrl;
  for (const [name, value] of Object.entries(setup.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

/** Runs the built Action; the stand-in keeps answering meanwhile (this process's event loop stays free). */
export async function runAction(setup: ActionSetup): Promise<ActionRun> {
  const dir = tempDir('runner');
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const child = spawn(process.execPath, [setup.entry ?? ACTION_ENTRY], { cwd: setup.workspace, env: actionEnv(setup, files), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

/**
 * Runs `work` as a step in this process: process.env holds the runner's variables (`env`, and no
 * other GITHUB_* or INPUT_*), as @actions/core reads them, and what it prints is collected.
 */
export async function asStep<T>(env: Record<string, string>, work: () => Promise<T> | T): Promise<{ result: T; stdout: string }> {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (/^(GITHUB_|INPUT_|RUNNER_)/.test(key)) delete process.env[key];
  Object.assign(process.env, env);
  const write = process.stdout.write;
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await work();
    return { result, stdout };
  } finally {
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** Runs the Action's code in this process (not the bundle), as the runner would run the step. */
export async function runInThisProcess(setup: ActionSetup, retryDelayMs = 1): Promise<Omit<ActionRun, 'stderr'>> {
  const dir = tempDir('runner');
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const { result: code, stdout } = await asStep(actionEnv(setup, files), () => runActionHere({ retryDelayMs }));
  return { code, stdout, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

/** `name<<DELIMITER\nvalue\nDELIMITER\n` blocks, as the runner reads $GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!header) {
      if (lines[index] !== '') throw new Error(`not a heredoc output: ${lines[index]}`);
      continue;
    }
    const end = lines.indexOf(header[2]!, index + 1);
    if (end < 0) throw new Error(`output ${header[1]} is not closed`);
    outputs[header[1]!] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}

/** The annotations (`::error file=…,line=…::message`) the Action printed. */
export function annotations(stdout: string): Array<{ level: string; file?: string; line?: number; title?: string; message: string }> {
  return stdout
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
      const unescape = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
      return {
        level: match[1]!,
        ...(properties.file === undefined ? {} : { file: unescape(properties.file) }),
        ...(properties.line === undefined ? {} : { line: Number(properties.line) }),
        ...(properties.title === undefined ? {} : { title: unescape(properties.title) }),
        message: unescape(match[3]!),
      };
    });
}
