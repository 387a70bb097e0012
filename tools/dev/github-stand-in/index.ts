/**
 * A local GitHub stand-in: a real HTTP server with in-memory state that answers the GitHub REST
 * endpoints specgate calls, with GitHub's response shapes, so the real app can run end to end
 * without a GitHub account.
 *
 * ```ts
 * const github = await GitHubStandIn.start();
 * const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master' });
 * const pull = repo.openPullRequest({ number: 2, headRef: 'changes', files: { 'docs/specs/a.md': text } });
 * // point Probot at it: GHE_HOST=github.gheHost, GHE_PROTOCOL=http (or baseUrl: github.apiUrl)
 * repo.checkRuns(); repo.issueComments(2); repo.reviews(2); github.requests;
 * github.failNext('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 502, { times: 2 });
 * await github.close();
 * ```
 */
export { GitHubStandIn, type AddRepo, type StandInOptions } from './server.js';
export { RepoHandle, type PullRequestView, type ReviewView } from './handle.js';
export type { Changes, FileChange, OpenPullRequest } from './pulls.js';
export type { AuthOptions } from './auth.js';
export { DEFAULT_PERMISSIONS } from './auth.js';
export { compilePattern, type Fault, type Hold, type FaultOptions, type RequestRecord, type RoutePattern } from './traffic.js';
export type { Annotation, CheckRunRecord, Content, IssueCommentRecord, IssueEventRecord, Permission, PullFile, ReactionRecord, ReviewCommentRecord, ReviewRecord } from './state.js';
export { blobSha, unifiedDiff } from './git.js';
export { MAX_ANNOTATIONS_PER_REQUEST } from './routes-checks.js';
export { PULL_FILES_LIMIT } from './routes-pulls.js';
export { MAX_COMMENT_BODY } from './routes-issues.js';
