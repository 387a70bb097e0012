import picomatch from 'picomatch';
import type { SpecgateConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';

/** A file a pull request changes, as GitHub's file list describes it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The blob at the head commit: the cache key for its content and its parse. */
  blobSha: string;
  /** The unified diff of the file, when GitHub sends one (not for binary or very large diffs). */
  patch?: string;
  /** A renamed file's path at the base: where its base version is read. */
  previousPath?: string;
}

/** GitHub lists at most this many files of a pull request. */
export const FILE_LIST_LIMIT = 3000;

/**
 * The spec files a pull request adds or changes: removed files are gone, renamed ones count at
 * their new path, and a path with no blob (a submodule) holds no markdown to read.
 */
export function changedSpecs(files: readonly ChangedFile[], config: SpecgateConfig): ChangedFile[] {
  const isSpec = specSelector(config);
  return files.filter((file) => file.status !== 'removed' && file.blobSha !== '' && isSpec(file.path));
}

/** Files that, under `require_spec`, ask for a spec the pull request does not change. */
export function filesNeedingSpec(files: readonly ChangedFile[], specs: readonly ChangedFile[], config: SpecgateConfig): string[] {
  if (!config.require_spec || specs.length > 0) return [];
  const matches = picomatch(config.require_spec.when_changed, { dot: true });
  return files.filter((file) => matches(file.path)).map((file) => file.path);
}
