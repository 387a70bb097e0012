import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
