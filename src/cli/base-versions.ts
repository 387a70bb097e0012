import { readFileSync } from 'node:fs';
import type { CheckedVersion } from '../core/baseline.js';
import type { Finding } from '../core/types.js';
import { git } from './git.js';
import { UsageError, type Workspace } from './workspace.js';

/**
 * `check --since REF`: a spec's bytes at REF (`git show REF:path`), or undefined when the file
 * did not exist there (a new spec). The ref itself must exist: a typo is an error, not "all new".
 */
export function gitVersions(workspace: Pick<Workspace, 'root'>, ref: string): (path: string) => Uint8Array | undefined {
  const option = `--since ${ref}`;
  const top = git(workspace.root, ['rev-parse', '--show-toplevel'], option).toString('utf8').trim();
  const prefix = git(workspace.root, ['rev-parse', '--show-prefix'], option).toString('utf8').trim();
  const commit = git(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], option).toString('utf8').trim();
  const present = new Set(git(top, ['ls-tree', '-r', '--name-only', '-z', commit], option).toString('utf8').split('\0'));
  return (path) => {
    const name = `${prefix}${path}`;
    return present.has(name) ? git(top, ['show', `${commit}:${name}`], option) : undefined;
  };
}

/**
 * `check --baseline FILE`: the findings of a saved `--format json` report, by path, as code
 * scanning baselines work. A path the report does not list is a new spec.
 */
export function reportVersions(file: string): (path: string) => CheckedVersion | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--baseline ${file}: not a readable JSON report (${(error as Error).message.split('\n')[0]}).`);
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new UsageError(`--baseline ${file}: not a specgate JSON report (no "files" list); write one with --format json.`);
  const byPath = new Map<string, CheckedVersion>();
  for (const entry of files as Array<{ path?: unknown; findings?: unknown; spec_status?: unknown }>) {
    if (typeof entry.path !== 'string' || !Array.isArray(entry.findings)) continue;
    const version: CheckedVersion = { findings: entry.findings as Finding[] };
    if (typeof entry.spec_status === 'string') version.status = { value: entry.spec_status };
    byPath.set(entry.path, version);
  }
  return (path) => byPath.get(path);
}
