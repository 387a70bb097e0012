/**
 * Every changed spec of a change too large for GitHub's file lists (3,000 files for a pull
 * request, 300 for a comparison): the base and head trees are compared under the spec paths,
 * with the git trees API. A recursive tree answers in one request; when GitHub truncates it
 * (100,000 entries or 7 MB), the trees are walked folder by folder instead, descending only into
 * folders that differ and that can hold specs, within a bounded number of requests.
 */
import picomatch from 'picomatch';
import type { ChangedFile } from '../verdict/changes.js';
import { compareCommits, type Commits, type CompareClient, type ListedFiles } from './compare.js';

type Call = (parameters: never) => Promise<{ data: unknown }>;

export interface TreeClient extends CompareClient {
  octokit: CompareClient['octokit'] & { rest: { git: { getTree: Call } } };
}

/** Tree requests one walk may make: past this, the check says it cannot tell, instead of guessing. */
export const MAX_TREE_REQUESTS = 200;

interface TreeEntry {
  path: string;
  type: string;
  sha: string;
}

interface Tree {
  truncated: boolean;
  entries: TreeEntry[];
}

export type EverySpec = { kind: 'complete'; listed: ListedFiles; byTrees: boolean } | { kind: 'impossible'; reason: string };

/**
 * The file list, completed with every changed spec when GitHub cut it short. `isSpec` selects
 * spec paths, `specGlobs` (the configured `paths`) says which folders can hold them.
 */
export async function withEverySpec(
  client: TreeClient,
  listed: ListedFiles,
  commits: Commits,
  selection: { specGlobs: readonly string[]; isSpec: (path: string) => boolean },
): Promise<EverySpec> {
  if (!listed.truncated) return { kind: 'complete', listed, byTrees: false };
  // A pull request's changes start where its branch left the base, as GitHub diffs it.
  const mergeBase = commits.mergeBase ?? (await compareCommits(client, commits.base, commits.head)).mergeBase;
  const walk = new TreeWalk(client, selection, MAX_TREE_REQUESTS);
  const found = await walk.changedSpecs(mergeBase, commits.head);
  if (found === undefined) {
    return { kind: 'impossible', reason: `comparing the trees under the spec paths took more than ${MAX_TREE_REQUESTS} requests to GitHub's git trees API` };
  }
  const known = new Set(listed.files.map((file) => file.path));
  return { kind: 'complete', listed: { files: [...listed.files, ...found.filter((file) => !known.has(file.path))], truncated: false }, byTrees: true };
}

class TreeWalk {
  private requests = 0;
  private readonly folders: (folder: string) => boolean;

  constructor(
    private readonly client: TreeClient,
    private readonly selection: { specGlobs: readonly string[]; isSpec: (path: string) => boolean },
    private readonly budget: number,
  ) {
    this.folders = specFolders(selection.specGlobs);
  }

  /** The specs added or changed from `base` to `head`; undefined when the budget ran out. */
  async changedSpecs(base: string, head: string): Promise<ChangedFile[] | undefined> {
    const [before, after] = await Promise.all([this.tree(base, true), this.tree(head, true)]);
    if (!before.truncated && !after.truncated) return this.diff('', before.entries, after.entries);
    return this.walk('', base, head);
  }

  private async walk(folder: string, base: string | undefined, head: string): Promise<ChangedFile[] | undefined> {
    if (this.requests + (base === undefined ? 1 : 2) > this.budget) return undefined;
    const [before, after] = await Promise.all([base === undefined ? undefined : this.tree(base, false), this.tree(head, false)]);
    const old = new Map((before?.entries ?? []).map((entry) => [entry.path, entry]));
    const found = this.diff(folder, before?.entries ?? [], after.entries);
    for (const entry of after.entries) {
      const path = join(folder, entry.path);
      const previous = old.get(entry.path);
      if (entry.type !== 'tree' || previous?.sha === entry.sha || !this.folders(path)) continue;
      const deeper = await this.walk(path, previous?.type === 'tree' ? previous.sha : undefined, entry.sha);
      if (deeper === undefined) return undefined;
      found.push(...deeper);
    }
    return found;
  }

  /** Blobs of `after` that `before` does not have with the same content, among the specs. */
  private diff(folder: string, before: TreeEntry[], after: TreeEntry[]): ChangedFile[] {
    const old = new Map(before.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.sha]));
    return after
      .filter((entry) => entry.type === 'blob' && old.get(entry.path) !== entry.sha && this.selection.isSpec(join(folder, entry.path)))
      .map((entry) => ({ path: join(folder, entry.path), status: old.has(entry.path) ? 'modified' : 'added', blobSha: entry.sha }));
  }

  private async tree(sha: string, recursive: boolean): Promise<Tree> {
    this.requests++;
    const getTree = this.client.octokit.rest.git.getTree as (parameters: unknown) => Promise<{ data: { truncated: boolean; tree: Array<{ path?: string; type?: string; sha?: string }> } }>;
    const { data } = await getTree({ owner: this.client.owner, repo: this.client.repo, tree_sha: sha, ...(recursive ? { recursive: 'true' } : {}) });
    const entries = data.tree.filter((entry): entry is TreeEntry => typeof entry.path === 'string' && typeof entry.type === 'string' && typeof entry.sha === 'string');
    return { truncated: data.truncated, entries };
  }
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** Whether a folder can hold a file the globs match: it lies on the way to, or under, a glob's fixed part. */
export function specFolders(globs: readonly string[]): (folder: string) => boolean {
  const bases = globs.map((glob) => picomatch.scan(glob).base);
  return (folder) => bases.some((base) => base === '' || folder === base || folder.startsWith(`${base}/`) || base.startsWith(`${folder}/`));
}
