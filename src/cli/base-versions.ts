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
  const objects = objectsAt(top, commit, option);
  const blobs = blobsOf(top, paths.flatMap((path) => objects.get(`${prefix}${path}`) ?? []), option);
  return (path) => {
    const name = `${prefix}${path}`;
    const object = objects.get(name);
    // Anything but a blob there (a submodule) is read as before: by name.
    return object === undefined ? undefined : (blobs.get(object) ?? git(top, ['show', `${commit}:${name}`], option));
  };
}

/** Every file at `commit`, by path from the top: `git ls-tree -r -z` lists `<mode> <type> <object>\t<path>`. */
function objectsAt(top: string, commit: string, option: string): Map<string, string> {
  const objects = new Map<string, string>();
  for (const entry of git(top, ['ls-tree', '-r', '-z', commit], option).toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab >= 0) objects.set(entry.slice(tab + 1), entry.slice(0, tab).split(' ')[2]!);
  }
  return objects;
}

/**
 * The blobs among `objects`, by object name: `git cat-file --batch` answers `<object> blob <size>`
 * and the bytes for each (`<object> missing` for one it does not have). Object names hold no line
 * break, so any path is read this way.
 */
function blobsOf(top: string, objects: readonly string[], option: string): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  if (objects.length === 0) return blobs;
  const output = git(top, ['cat-file', '--batch'], option, objects.map((object) => `${object}\n`).join(''));
  let offset = 0;
  for (let answers = 0; answers < objects.length && offset < output.length; answers++) {
    const end = output.indexOf(10, offset);
    const [object, type, size] = output.subarray(offset, end).toString('utf8').split(' ');
    offset = end + 1;
    if (size === undefined) continue;
    if (type === 'blob') blobs.set(object!, output.subarray(offset, offset + Number(size)));
    // The object's bytes and the line break after them.
    offset += Number(size) + 1;
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
