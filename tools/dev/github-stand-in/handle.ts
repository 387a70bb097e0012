/** The programmatic side of one repository: seed it, push to its pull requests, read what apps posted. */
import { labelPull, movedHead, openPull, pushToPull, type Changes, type OpenPullRequest } from './pulls.js';
import { pullRequestJson } from './shapes-pulls.js';
import { repositoryJson, type Urls } from './shapes.js';
import type { CheckRunRecord, Content, IssueCommentRecord, IssueEventRecord, Permission, PullFile, ReactionRecord, RepoState, ReviewCommentRecord, ReviewRecord } from './state.js';

export interface PullRequestView {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  updatedAt: string;
  /** GitHub's `changed_files`: every changed file, also past the 3,000 the file list shows. */
  changedFiles: number;
  files: PullFile[];
}

export type ReviewView = ReviewRecord & { comments: ReviewCommentRecord[] };

export class RepoHandle {
  constructor(
    readonly state: RepoState,
    private readonly urls: () => Urls,
  ) {}

  get owner(): string {
    return this.state.owner.login;
  }

  get name(): string {
    return this.state.name;
  }

  get fullName(): string {
    return this.state.fullName;
  }

  get id(): number {
    return this.state.id;
  }

  /**
   * Commits files to a branch (the default branch unless named; a new branch starts from the
   * default). A pull request whose head is that branch follows, as after a push. Returns the SHA.
   */
  commit(files: Record<string, Content | null>, options: { branch?: string; message?: string } = {}): string {
    const branch = options.branch ?? this.state.defaultBranch;
    const { sha } = this.state.commit(this.state.defaultBranch, branch, files, options.message ?? 'Commit');
    for (const pull of this.state.pulls.values()) {
      if (pull.state === 'open' && pull.headRef === branch) movedHead(this.state, pull, sha);
    }
    return sha;
  }

  /** A file's text at a branch or commit (the default branch unless named). */
  file(path: string, ref?: string): string | undefined {
    const bytes = this.state.resolve(ref)?.tree.get(path);
    return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
  }

  addCollaborator(login: string, permission: Permission): this {
    this.state.world.user(login);
    this.state.collaborators.set(login.toLowerCase(), permission);
    return this;
  }

  /** Opens a pull request whose head branch holds `files` on top of the base. */
  openPullRequest(options: OpenPullRequest): PullRequestView {
    return this.view(openPull(this.state, options).number);
  }

  /** A push to the pull request's head branch: returns it with its new head SHA and later `updated_at`. */
  push(number: number, changes: Changes, message?: string): PullRequestView {
    pushToPull(this.state, this.pull(number), changes, message);
    return this.view(number);
  }

  /**
   * A merge queue's merge group for a pull request: a commit on `gh-readonly-queue/<base>/pr-<n>-<base sha>`
   * holding the base branch with the pull request's changes applied, as GitHub builds it before
   * sending `merge_group.checks_requested`. The pull request stays open.
   */
  mergeGroup(number: number): { headSha: string; headRef: string; baseSha: string; baseRef: string } {
    const pull = this.pull(number);
    const baseSha = this.state.branches.get(pull.baseRef)!;
    const head = this.state.commits.get(pull.headSha)!.tree;
    const changes: Record<string, Content | null> = {};
    for (const file of pull.files) changes[file.filename] = head.get(file.filename) ?? null;
    const branch = `gh-readonly-queue/${pull.baseRef}/pr-${number}-${baseSha}`;
    const commit = this.state.commit(pull.baseRef, branch, changes, `Merge pull request #${number}`);
    return { headSha: commit.sha, headRef: `refs/heads/${branch}`, baseSha, baseRef: `refs/heads/${pull.baseRef}` };
  }

  /** Adds (or removes) a label, with the issue event GitHub records. */
  label(number: number, label: string, actor: string, added = true): PullRequestView {
    labelPull(this.state, this.pull(number), label, actor, added);
    return this.view(number);
  }

  /** A comment by a person (not the app), e.g. a `/spec-template` command. Returns its id. */
  addIssueComment(number: number, body: string, login: string): number {
    this.pull(number);
    const now = this.state.world.now();
    const comment: IssueCommentRecord = { id: this.state.world.id(), issueNumber: number, body, user: this.state.world.user(login), app: undefined, createdAt: now, updatedAt: now };
    this.state.issueComments.push(comment);
    return comment.id;
  }

  pullRequest(number: number): PullRequestView {
    return this.view(number);
  }

  /** The repository as GitHub's API and webhooks describe it. */
  repositoryJson(): Record<string, unknown> {
    return repositoryJson(this.urls(), this.state);
  }

  /** The pull request as `GET /repos/{owner}/{repo}/pulls/{number}` returns it. */
  pullRequestJson(number: number): Record<string, unknown> {
    return pullRequestJson(this.urls(), this.state, this.pull(number));
  }

  /** Check runs, oldest first, with every annotation the creates and updates carried. */
  checkRuns(filter: { headSha?: string; name?: string } = {}): CheckRunRecord[] {
    return structuredClone(this.state.checkRuns.filter((run) => (filter.headSha === undefined || run.headSha === filter.headSha) && (filter.name === undefined || run.name === filter.name)));
  }

  issueComments(number: number): IssueCommentRecord[] {
    return structuredClone(this.state.issueComments.filter((comment) => comment.issueNumber === number));
  }

  reviews(number: number): ReviewView[] {
    return structuredClone(
      this.state.reviews
        .filter((review) => review.pullNumber === number)
        .map((review) => ({ ...review, comments: this.state.reviewComments.filter((comment) => comment.reviewId === review.id) })),
    );
  }

  reviewComments(number: number): ReviewCommentRecord[] {
    return structuredClone(this.state.reviewComments.filter((comment) => comment.pullNumber === number));
  }

  reactions(commentId?: number): ReactionRecord[] {
    return structuredClone(this.state.reactions.filter((reaction) => commentId === undefined || reaction.commentId === commentId));
  }

  issueEvents(number: number): IssueEventRecord[] {
    return structuredClone(this.state.issueEvents.filter((event) => event.issueNumber === number));
  }

  private pull(number: number) {
    const pull = this.state.pulls.get(number);
    if (!pull) throw new Error(`${this.fullName} has no pull request #${number}`);
    return pull;
  }

  private view(number: number): PullRequestView {
    const pull = this.pull(number);
    const { title, state, draft, labels, headRef, headSha, baseRef, baseSha, updatedAt, files } = structuredClone(pull);
    return { number, title, state, draft, labels, headRef, headSha, baseRef, baseSha, updatedAt, changedFiles: files.length, files };
  }
}
