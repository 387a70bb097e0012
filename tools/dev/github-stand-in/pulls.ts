/** Pull requests as commits on a head branch, and their file lists diffed against the base. */
import { asText, blobSha, unifiedDiff } from './git.js';
import { type Content, type FileStatus, type PullFile, type PullRecord, type RepoState } from './state.js';

/** A file's new content (null deletes it), with what GitHub's file list says about it when a test needs to decide. */
export interface FileChange {
  content: Content | null;
  /** A patch to list instead of the computed one; null lists none (as GitHub does for huge diffs). */
  patch?: string | null;
}

/** Path → new content, null to delete, or a FileChange. */
export type Changes = Record<string, Content | null | FileChange>;

export interface OpenPullRequest {
  /** Default: the repository's next issue number. */
  number?: number;
  title?: string;
  body?: string | null;
  /** The author's login (default: the repository owner). */
  user?: string;
  /** The head branch, created from the base (default: `pr-<number>`). */
  headRef?: string;
  /** Default: the default branch. */
  baseRef?: string;
  files: Changes;
  draft?: boolean;
  /** Labels already on the pull request; each gets a `labeled` event by the author. */
  labels?: string[];
  /** Opened from the author's fork: GitHub's commit-to-pull-request lookup does not find it. */
  fromFork?: boolean;
}

const patchOverrides = new WeakMap<PullRecord, Map<string, string | null>>();

function split(changes: Changes): { contents: Record<string, Content | null>; patches: Map<string, string | null> } {
  const contents: Record<string, Content | null> = {};
  const patches = new Map<string, string | null>();
  for (const [path, change] of Object.entries(changes)) {
    if (change !== null && typeof change === 'object' && !(change instanceof Uint8Array)) {
      contents[path] = change.content;
      if (change.patch !== undefined) patches.set(path, change.patch);
    } else {
      contents[path] = change;
    }
  }
  return { contents, patches };
}

export function openPull(repo: RepoState, options: OpenPullRequest): PullRecord {
  const number = options.number ?? repo.nextNumber;
  if (repo.pulls.has(number)) throw new Error(`${repo.fullName} already has pull request #${number}`);
  repo.nextNumber = Math.max(repo.nextNumber, number + 1);
  const baseRef = options.baseRef ?? repo.defaultBranch;
  const base = repo.resolve(baseRef);
  if (!base) throw new Error(`${repo.fullName} has no branch ${baseRef}`);
  const headRef = options.headRef ?? `pr-${number}`;
  const { contents, patches } = split(options.files);
  const head = repo.commit(baseRef, headRef, contents, options.title ?? `Pull request #${number}`);
  const user = repo.world.user(options.user ?? repo.owner.login);
  const now = repo.world.now();
  const pull: PullRecord = {
    number,
    title: options.title ?? `Pull request #${number}`,
    body: options.body ?? null,
    user,
    state: 'open',
    draft: options.draft ?? false,
    labels: [],
    headRef,
    baseRef,
    headSha: head.sha,
    baseSha: base.sha,
    shas: [head.sha],
    fromFork: options.fromFork ?? false,
    files: [],
    createdAt: now,
    updatedAt: now,
  };
  patchOverrides.set(pull, patches);
  pull.files = diffFiles(repo, pull);
  repo.pulls.set(number, pull);
  for (const label of options.labels ?? []) labelPull(repo, pull, label, user.login);
  return pull;
}

/** A push to the head branch: a new head commit, the file list diffed again, `updated_at` later. */
export function pushToPull(repo: RepoState, pull: PullRecord, changes: Changes, message = 'Update'): PullRecord {
  const { contents, patches } = split(changes);
  const overrides = patchOverrides.get(pull) ?? new Map<string, string | null>();
  for (const path of Object.keys(contents)) overrides.delete(path);
  for (const [path, patch] of patches) overrides.set(path, patch);
  patchOverrides.set(pull, overrides);
  const head = repo.commit(undefined, pull.headRef, contents, message);
  movedHead(repo, pull, head.sha);
  return pull;
}

/** The head branch moved (a push, or a file written through the API): the pull request follows. */
export function movedHead(repo: RepoState, pull: PullRecord, sha: string): void {
  pull.headSha = sha;
  pull.shas.push(sha);
  pull.updatedAt = repo.world.after(pull.updatedAt);
  pull.files = diffFiles(repo, pull);
}

export function labelPull(repo: RepoState, pull: PullRecord, label: string, actor: string, added = true): void {
  pull.labels = added ? [...new Set([...pull.labels, label])] : pull.labels.filter((name) => name !== label);
  pull.updatedAt = repo.world.after(pull.updatedAt);
  repo.issueEvents.push({
    id: repo.world.id(),
    issueNumber: pull.number,
    event: added ? 'labeled' : 'unlabeled',
    actor: repo.world.user(actor),
    label: { name: label, color: 'ededed' },
    createdAt: pull.updatedAt,
  });
}

/** What changed between the base commit and the head, one entry per path, sorted like GitHub's list. */
function diffFiles(repo: RepoState, pull: PullRecord): PullFile[] {
  return diffTrees(repo.commits.get(pull.baseSha)!.tree, repo.commits.get(pull.headSha)!.tree, patchOverrides.get(pull));
}

/** The files that differ between two trees, sorted by path, with GitHub's statuses and patches. */
export function diffTrees(base: ReadonlyMap<string, Uint8Array>, head: ReadonlyMap<string, Uint8Array>, overrides = new Map<string, string | null>()): PullFile[] {
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  const files: PullFile[] = [];
  for (const filename of paths) {
    const before = base.get(filename);
    const after = head.get(filename);
    if (before && after && Buffer.from(before).equals(Buffer.from(after))) continue;
    const status: FileStatus = !before ? 'added' : !after ? 'removed' : 'modified';
    const beforeText = before ? asText(before) : '';
    const afterText = after ? asText(after) : '';
    const diff = beforeText !== undefined && afterText !== undefined ? unifiedDiff(beforeText, afterText) : { patch: undefined, additions: 0, deletions: 0 };
    const file: PullFile = { filename, status, sha: blobSha((after ?? before)!), additions: diff.additions, deletions: diff.deletions };
    const patch = overrides.has(filename) ? overrides.get(filename) : diff.patch;
    if (patch !== undefined && patch !== null) file.patch = patch;
    files.push(file);
  }
  return files;
}
