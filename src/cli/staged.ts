import { specSelector } from '../config/select.js';
import type { SpecgateConfig } from '../config/load.js';
import { sorted } from '../pipeline/workspace-specs.js';
import { git as runGit } from './git.js';
import { fromCommandLine, type Workspace } from './workspace.js';

const git = (cwd: string, args: string[]): Buffer => runGit(cwd, args, '--staged');

export interface SpecInput {
  /** Relative to the root, with `/`. */
  path: string;
  bytes: Uint8Array;
}

/**
 * `check --staged`: the spec files the next commit adds or changes, as they are in the index
 * (`git show :path`), not in the working tree. So a pre-commit hook judges exactly what will be
 * committed, and a draft elsewhere in the tree, or an unstaged edit, does not block the commit.
 */
export function stagedSpecs(workspace: Pick<Workspace, 'cwd' | 'root'>, config: SpecgateConfig): SpecInput[] {
  const top = git(workspace.cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  // Added, copied, modified or renamed: a deleted spec has nothing to check.
  const names = git(top, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z']).toString('utf8').split('\0').filter(Boolean);
  const isSpec = specSelector(config);
  const specs: SpecInput[] = [];
  for (const name of names) {
    const path = fromCommandLine({ cwd: top, root: workspace.root }, name);
    if (path.startsWith('../') || !isSpec(path)) continue;
    specs.push({ path, bytes: git(top, ['show', `:${name}`]) });
  }
  return sorted(specs);
}
