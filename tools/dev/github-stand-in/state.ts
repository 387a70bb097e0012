/** The stand-in's in-memory GitHub: users, repositories with branches and commits, and what apps write. */
import { blobSha, newCommitSha } from './git.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
export type Content = string | Uint8Array;

export interface UserRef {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

/** The GitHub App that an installation token belongs to (check runs and bot comments name it). */
export interface AppRef {
  id: number;
  slug: string;
  name: string;
  owner: UserRef;
}

export interface Commit {
  sha: string;
  /** Path → bytes: the whole tree at this commit. */
  tree: Map<string, Uint8Array>;
  parents: string[];
  message: string;
  date: string;
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PullFile {
  filename: string;
  status: FileStatus;
  /** The blob at the head; for a removed file, the blob it had at the base. */
  sha: string | null;
  additions: number;
  deletions: number;
  /** Absent for binary files (and when a test says GitHub sent none). */
  patch?: string;
  previousFilename?: string;
}

export interface PullRecord {
  number: number;
  title: string;
  body: string | null;
  user: UserRef;
  state: 'open' | 'closed';
  draft: boolean;
  labels: string[];
  headRef: string;
  baseRef: string;
  headSha: string;
  baseSha: string;
  /** Every head the pull request has had, oldest first. */
  shas: string[];
  /** Opened from a fork: its commits are not this repository's own (GitHub's commit lookups do not find it). */
  fromFork: boolean;
  files: PullFile[];
  createdAt: string;
  updatedAt: string;
}

export interface IssueCommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: UserRef;
  app: AppRef | undefined;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewRecord {
  id: number;
  pullNumber: number;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING';
  commitId: string;
  user: UserRef;
  submittedAt: string;
}

export interface ReviewCommentRecord {
  id: number;
  reviewId: number | null;
  pullNumber: number;
  path: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  body: string;
  commitId: string;
  user: UserRef;
  diffHunk: string;
  createdAt: string;
  updatedAt: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, in order: creates and updates append. */
  annotations: Annotation[];
  app: AppRef | undefined;
  checkSuiteId: number;
  externalId: string;
  detailsUrl: string | null;
}

export interface IssueEventRecord {
  id: number;
  issueNumber: number;
  event: string;
  actor: UserRef;
  label?: { name: string; color: string };
  createdAt: string;
}

export interface ReactionRecord {
  id: number;
  commentId: number;
  content: string;
  user: UserRef;
  createdAt: string;
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

export const toBytes = (content: Content): Uint8Array => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

/** Everything the stand-in knows, and the ids and clock every record shares. */
export class World {
  readonly repos = new Map<string, RepoState>();
  private readonly users = new Map<string, UserRef>();
  private readonly apps = new Map<number, AppRef>();
  /** The slug (and name) of apps the stand-in has not been told about: their bot is `<slug>[bot]`. */
  appSlug = 'specgate';
  /** How many entries a recursive git tree lists before GitHub answers `truncated` (100,000 on GitHub; tests lower it). */
  treeEntryLimit = 100_000;
  /** Git trees named so far by SHA, so a request for one by its SHA finds its directory again. */
  readonly trees = new Map<string, { commit: Commit; dir: string }>();
  private nextId = 1000;

  id(): number {
    return this.nextId++;
  }

  /** The time as GitHub writes it: ISO 8601 in whole seconds. */
  now(): string {
    return iso(Math.floor(Date.now() / 1000));
  }

  /** A timestamp strictly later than `previous`: a pull request's `updated_at` orders its events. */
  after(previous: string): string {
    return iso(Math.max(Math.floor(Date.now() / 1000), Date.parse(previous) / 1000 + 1));
  }

  user(login: string, type: UserRef['type'] = 'User', id?: number): UserRef {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const created: UserRef = { login, id: id ?? this.id(), type };
    this.users.set(login.toLowerCase(), created);
    return created;
  }

  /** The GitHub App with this id (an installation token's app). */
  app(id: number): AppRef {
    let app = this.apps.get(id);
    if (!app) {
      app = { id, slug: this.appSlug, name: this.appSlug, owner: this.user('app-owner', 'Organization') };
      this.apps.set(id, app);
    }
    return app;
  }

  repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): RepoState | undefined {
    return [...this.repos.values()].find((repo) => repo.id === id);
  }
}

/** One repository: its git data and everything posted to it. */
export class RepoState {
  readonly branches = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly pulls = new Map<number, PullRecord>();
  readonly issueComments: IssueCommentRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly reviewComments: ReviewCommentRecord[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly checkSuites = new Map<string, number>();
  readonly issueEvents: IssueEventRecord[] = [];
  readonly reactions: ReactionRecord[] = [];
  readonly collaborators = new Map<string, Permission>();
  readonly createdAt: string;
  nextNumber = 1;

  constructor(
    readonly world: World,
    readonly id: number,
    readonly owner: UserRef,
    readonly name: string,
    readonly defaultBranch: string,
    readonly isPrivate: boolean,
    files: Record<string, Content>,
  ) {
    this.createdAt = world.now();
    this.commit(undefined, defaultBranch, files, 'Initial commit');
  }

  get fullName(): string {
    return `${this.owner.login}/${this.name}`;
  }

  /** A branch name or a commit SHA, as `?ref=` takes it; undefined when neither. */
  resolve(ref: string | undefined): Commit | undefined {
    const sha = this.branches.get(ref ?? this.defaultBranch) ?? ref;
    return sha === undefined ? undefined : this.commits.get(sha);
  }

  /**
   * A new commit on `branch` (created from `from` when it does not exist): `changes` maps a path to
   * its new content, or to null to delete it. Returns the commit.
   */
  commit(from: string | undefined, branch: string, changes: Record<string, Content | null>, message: string): Commit {
    const parentSha = this.branches.get(branch) ?? (from === undefined ? undefined : this.resolve(from)?.sha);
    const parent = parentSha === undefined ? undefined : this.commits.get(parentSha);
    const tree = new Map(parent?.tree ?? []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) {
        tree.delete(path);
        continue;
      }
      const bytes = toBytes(content);
      tree.set(path, bytes);
      this.blobs.set(blobSha(bytes), bytes);
    }
    const commit: Commit = { sha: newCommitSha(`${this.fullName}:${branch}`), tree, parents: parent ? [parent.sha] : [], message, date: this.world.now() };
    this.commits.set(commit.sha, commit);
    this.branches.set(branch, commit.sha);
    return commit;
  }

  /** The check suite of this app for a head commit, created on first use like GitHub does. */
  checkSuite(headSha: string, appId: number): number {
    const key = `${appId}:${headSha}`;
    let id = this.checkSuites.get(key);
    if (id === undefined) {
      id = this.world.id();
      this.checkSuites.set(key, id);
    }
    return id;
  }
}
