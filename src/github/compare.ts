/**
 * What changed between two commits, through GitHub's compare API: for a merge group (its base and
 * head), and for a pull request commit that is no longer the pull request's head (the pull
 * request's own file list describes its current head, not that commit).
 */
import type { ChangedFile } from '../verdict/changes.js';

type Call = (parameters: never) => Promise<{ data: unknown }>;

/** The call this module makes; the app's and the Action's clients both have it. */
export interface CompareClient {
  owner: string;
  repo: string;
  octokit: { rest: { repos: { compareCommitsWithBasehead: Call }; pulls: { get: Call } } };
}

/** A pull request's changed files as GitHub listed them. */
export interface ListedFiles {
  files: ChangedFile[];
  /** GitHub stops listing at 3,000 files (300 for a comparison); there are more. */
  truncated: boolean;
  /** The commit the list describes (the pull request's head when it was read), when GitHub says. */
  listedAt?: string;
}

/** GitHub's compare API lists at most this many files; a comparison with more says nothing of the rest. */
export const COMPARE_FILE_LIMIT = 300;

export interface Comparison {
  files: ChangedFile[];
  /** The commit both sides share (for a pull request, where its branch left the base). */
  mergeBase: string;
  /** False when GitHub stopped at its limit: files past it are not listed. */
  complete: boolean;
}

interface DiffEntry {
  filename: string;
  status: ChangedFile['status'];
  sha?: string | null;
  patch?: string;
  previous_filename?: string;
}

/** The files that differ between `base` and `head` (three dots: from their merge base, as a pull request diffs). */
export async function compareCommits(client: CompareClient, base: string, head: string): Promise<Comparison> {
  const compare = client.octokit.rest.repos.compareCommitsWithBasehead as (parameters: unknown) => Promise<{ data: { files?: DiffEntry[]; merge_base_commit: { sha: string } } }>;
  // One commit a page: the files come with the first page whatever its size, and the commits are not needed.
  const { data } = await compare({ owner: client.owner, repo: client.repo, basehead: `${base}...${head}`, per_page: 1 });
  const listed = data.files ?? [];
  return { files: listed.map(changedFile), mergeBase: data.merge_base_commit.sha, complete: listed.length < COMPARE_FILE_LIMIT };
}

/** One entry of a file list (a pull request's or a comparison's), as the verdict needs it. */
export function changedFile(entry: DiffEntry): ChangedFile {
  // GitHub gives no blob for a submodule change.
  const changed: ChangedFile = { path: entry.filename, status: entry.status, blobSha: entry.sha ?? '' };
  if (entry.patch !== undefined) changed.patch = entry.patch;
  if (entry.previous_filename !== undefined) changed.previousPath = entry.previous_filename;
  return changed;
}

/**
 * The commit a pull request's file list describes: each entry's `contents_url` names it
 * (`?ref=<sha>`), the pull request's head when the list was read. Undefined when no entry says.
 */
export function listedCommit(entries: ReadonlyArray<DiffEntry & { contents_url?: string }>): string | undefined {
  for (const entry of entries) {
    // A removed file's address names the base side.
    if (entry.status === 'removed' || !entry.contents_url) continue;
    const ref = /[?&]ref=([0-9a-f]{40})\b/.exec(entry.contents_url)?.[1];
    if (ref) return ref;
  }
  return undefined;
}

/** The commits a file list compares; the merge base when it is known already, so the spec trees need not ask for it again. */
export interface Commits {
  base: string;
  head: string;
  mergeBase?: string;
}

export interface CommitFiles {
  files: ListedFiles;
  /** Whether the commit is still the pull request's head: only then does a run speak in its conversation. */
  isHead: boolean;
  /** The pull request's base and head; the merge base too when the files came from the compare API. */
  commits: Commits;
}

/**
 * A verdict belongs to its commit. GitHub's file list is the pull request's as it is now; when it
 * describes another commit than the event's (a late event for an earlier push), that commit's own
 * files are read with the compare API instead, so its check judges its own content. Whether it is
 * still the head is asked only then: an event for an older push leaves the sticky comment and the
 * line comments to the run for the newest one.
 */
export async function filesOfCommit(client: CompareClient, pull: { number: number; headSha: string; baseSha: string }, listed: ListedFiles): Promise<CommitFiles> {
  if (listed.listedAt === undefined || listed.listedAt === pull.headSha) return { files: listed, isHead: true, commits: { base: pull.baseSha, head: pull.headSha } };
  const getPull = client.octokit.rest.pulls.get as (parameters: unknown) => Promise<{ data: { head: { sha: string } } }>;
  const [comparison, current] = await Promise.all([
    compareCommits(client, pull.baseSha, pull.headSha),
    getPull({ owner: client.owner, repo: client.repo, pull_number: pull.number }),
  ]);
  const changes = changesOf(comparison, pull.baseSha, pull.headSha);
  return { files: changes.listed, isHead: current.data.head.sha === pull.headSha, commits: changes.commits };
}

/** A comparison as a check takes it: its file list, and the commits it compares with their merge base. */
export function changesOf(comparison: Comparison, base: string, head: string): { listed: ListedFiles; commits: Commits } {
  return { listed: { files: comparison.files, truncated: !comparison.complete }, commits: { base, head, mergeBase: comparison.mergeBase } };
}
