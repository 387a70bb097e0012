import { readFileSync } from 'node:fs';
import type { CheckedVersion } from '../core/baseline.js';
import type { Finding } from '../core/types.js';
import { git } from './git.js';
import { UsageError, type Workspace } from './workspace.js';

/**
 * `check --since REF`: a spec's bytes at REF, or undefined when the file did not exist there (a
 * new spec). The ref itself must exist: a typo is an error, not "all new". The versions of `paths`
 * (the specs of the run) are read in one `git cat-file --batch`, not one `git show` each.
 */
export function gitVersions(workspace: Pick<Workspace, 'root'>, ref: string, paths: readonly string[]): (path: string) => Uint8Array | undefined {
  const option = `--since ${ref}`;
  const top = git(workspace.root, ['rev-parse', '--show-toplevel'], option).toString('utf8').trim();
  const prefix = git(workspace.root, ['rev-parse', '--show-prefix'], option).toString('utf8').trim();
  const commit = git(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], option).toString('utf8').trim();
  const present = new Set(git(top, ['ls-tree', '-r', '--name-only', '-z', commit], option).toString('utf8').split('\0'));
  // --batch reads one name a line: a name with a line break in it is read on its own.
  const names = paths.map((path) => `${prefix}${path}`).filter((name) => present.has(name) && !/[\r\n]/.test(name));
  const batch = blobsAt(top, commit, names, option);
  return (path) => {
    const name = `${prefix}${path}`;
    return present.has(name) ? (batch.get(name) ?? git(top, ['show', `${commit}:${name}`], option)) : undefined;
  };
}

/** The files `names` at `commit`, by name: `git cat-file --batch` answers `<oid> blob <size>` and the bytes, for each. */
function blobsAt(top: string, commit: string, names: readonly string[], option: string): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  if (names.length === 0) return blobs;
  const output = git(top, ['cat-file', '--batch'], names.map((name) => `${commit}:${name}\n`).join(''), option);
  let offset = 0;
  for (const name of names) {
    const end = output.indexOf(10, offset);
    const header = output.subarray(offset, end).toString('utf8').split(' ');
    offset = end + 1;
    // `<name> missing` has no bytes after it (a name may hold spaces: the size is what tells).
    if (header.length !== 3 || !/^\d+$/.test(header[2]!)) continue;
    const size = Number(header[2]);
    if (header[1] === 'blob') blobs.set(name, output.subarray(offset, offset + size));
    // The object's bytes and the line break after them.
    offset += size + 1;
  }
  return blobs;
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
