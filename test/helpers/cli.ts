import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FIXTURES, ROOT } from './fixtures.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `specgate` bin as a user would, in a directory of our choosing. */
export function specgate(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/specgate.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throwaway copy of a fixture repository, for commands that write files. */
export function copyOfRepo(name: string): string {
  const directory = mkdtempSync(join(tmpdir(), `specgate-${name}-`));
  cpSync(join(FIXTURES, 'repos', name), directory, { recursive: true });
  return directory;
}

export const repo = (name: string): string => join(FIXTURES, 'repos', name);

/**
 * A throwaway git repository holding these files (path → text), on top of a copy of a fixture
 * repository when one is named: for what depends on the repository root or the index
 * (configuration discovery, `--staged`).
 */
export function gitRepo(files: Record<string, string>, fixtureRepo?: string): string {
  const directory = fixtureRepo === undefined ? mkdtempSync(join(tmpdir(), 'specgate-repo-')) : copyOfRepo(fixtureRepo);
  for (const [path, text] of Object.entries(files)) writeFile(directory, path, text);
  git(directory, 'init', '--quiet', '--initial-branch=main');
  return directory;
}

export function writeFile(directory: string, path: string, text: string): void {
  mkdirSync(dirname(join(directory, path)), { recursive: true });
  writeFileSync(join(directory, path), text);
}

/** Runs git in a directory, with an identity of its own, and returns what it printed. */
export function git(directory: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Spec Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: directory,
    encoding: 'utf8',
  });
}
