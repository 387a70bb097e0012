/** Comparing two commits, and git trees (recursive, truncated past a limit as GitHub does). */
import { createHash } from 'node:crypto';
import { blobSha } from './git.js';
import { error, json, notFound, type ApiReply, type ApiRequest } from './http.js';
import { diffTrees } from './pulls.js';
import { repoRoute, type Route, type StandInContext } from './router.js';
import { userJson, type Urls } from './shapes.js';
import type { Commit, PullFile, RepoState } from './state.js';

/** GitHub's compare API lists at most this many files. */
export const COMPARE_FILES_LIMIT = 300;

/** Every commit reachable from `sha`, nearest first. */
function ancestors(repo: RepoState, sha: string): string[] {
  const seen: string[] = [];
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.includes(next)) continue;
    seen.push(next);
    queue.push(...(repo.commits.get(next)?.parents ?? []));
  }
  return seen;
}

function commitJson(urls: Urls, repo: RepoState, commit: Commit): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const person = { name: repo.owner.login, email: `${repo.owner.login}@example.com`, date: commit.date };
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
    html_url: `${urls.web}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: treeSha(commit, ''), url: `${api}/git/trees/${treeSha(commit, '')}` },
    },
    author: userJson(urls, repo.owner),
    committer: userJson(urls, repo.owner),
    parents: commit.parents.map((parent) => ({ sha: parent, url: `${api}/commits/${parent}`, html_url: `${urls.web}/${repo.fullName}/commit/${parent}` })),
  };
}

function fileJson(urls: Urls, repo: RepoState, head: string, file: PullFile): Record<string, unknown> {
  const encoded = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${urls.web}/${repo.fullName}/blob/${head}/${encoded}`,
    raw_url: `${urls.web}/${repo.fullName}/raw/${head}/${encoded}`,
    contents_url: `${urls.api}/repos/${repo.fullName}/contents/${encoded}?ref=${head}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
  };
}

/** `repos.compareCommitsWithBasehead` (`BASE...HEAD`): the files from their merge base to the head, 300 at most. */
function compare(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const [baseRef = '', headRef = ''] = (request.params.basehead ?? '').split('...');
  const base = repo.resolve(baseRef);
  const head = repo.resolve(headRef);
  if (!base || !head) return notFound();
  const baseLine = new Set(ancestors(repo, base.sha));
  const headLine = ancestors(repo, head.sha);
  const mergeBase = repo.commits.get(headLine.find((sha) => baseLine.has(sha)) ?? base.sha)!;
  const commits = headLine.filter((sha) => !baseLine.has(sha)).map((sha) => repo.commits.get(sha)!);
  const files = diffTrees(mergeBase.tree, head.tree).slice(0, COMPARE_FILES_LIMIT);
  const html = `${urls.web}/${repo.fullName}/compare/${base.sha}...${head.sha}`;
  const behind = [...baseLine].filter((sha) => !headLine.includes(sha)).length;
  return json(200, {
    url: `${urls.api}/repos/${repo.fullName}/compare/${base.sha}...${head.sha}`,
    html_url: html,
    permalink_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: commitJson(urls, repo, base),
    merge_base_commit: commitJson(urls, repo, mergeBase),
    status: commits.length === 0 ? (behind === 0 ? 'identical' : 'behind') : behind === 0 ? 'ahead' : 'diverged',
    ahead_by: commits.length,
    behind_by: behind,
    total_commits: commits.length,
    commits: commits.map((commit) => commitJson(urls, repo, commit)),
    files: files.map((file) => fileJson(urls, repo, head.sha, file)),
  });
}

/** A directory's git tree SHA: the same files give the same SHA, in any commit. */
function treeSha(commit: Commit, dir: string): string {
  const prefix = dir === '' ? '' : `${dir}/`;
  const hash = createHash('sha1').update('tree');
  for (const path of [...commit.tree.keys()].filter((path) => path.startsWith(prefix)).sort()) hash.update(`${path.slice(prefix.length)}\0${blobSha(commit.tree.get(path)!)}\0`);
  return hash.digest('hex');
}

interface TreeEntry {
  path: string;
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

/** The entries under `dir`: its direct children, or every descendant when recursive. */
function entriesOf(known: Map<string, { commit: Commit; dir: string }>, commit: Commit, dir: string, recursive: boolean): TreeEntry[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const entries = new Map<string, TreeEntry>();
  for (const [path, bytes] of commit.tree) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    for (let depth = 1; depth < parts.length && (recursive || depth === 1); depth++) {
      const sub = parts.slice(0, depth).join('/');
      if (!entries.has(sub)) {
        const sha = treeSha(commit, `${prefix}${sub}`);
        known.set(sha, { commit, dir: `${prefix}${sub}` });
        entries.set(sub, { path: sub, type: 'tree', sha });
      }
    }
    if (recursive || parts.length === 1) entries.set(parts.join('/'), { path: parts.join('/'), type: 'blob', sha: blobSha(bytes), size: bytes.length });
  }
  return [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** `git.getTree`: by tree SHA, commit SHA or branch; `recursive` lists every descendant, cut past the limit. */
function getTree(request: ApiRequest, repo: RepoState, { urls, world }: StandInContext): ApiReply {
  const named = request.params.tree_sha ?? '';
  const commit = repo.resolve(named);
  const found = commit ? { commit, dir: '' } : world.trees.get(named);
  if (!found) return error(404, 'Not Found');
  const recursive = request.query.has('recursive');
  const all = entriesOf(world.trees, found.commit, found.dir, recursive);
  const truncated = recursive && all.length > world.treeEntryLimit;
  const sha = treeSha(found.commit, found.dir);
  world.trees.set(sha, found);
  const api = `${urls.api}/repos/${repo.fullName}/git`;
  return json(200, {
    sha,
    url: `${api}/trees/${sha}`,
    truncated,
    tree: (truncated ? all.slice(0, world.treeEntryLimit) : all).map((entry) => ({
      path: entry.path,
      mode: entry.type === 'tree' ? '040000' : '100644',
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${api}/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    })),
  });
}

export const gitRoutes: Route[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/compare/{basehead}', [['contents', 'read']], compare),
  repoRoute('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', [['contents', 'read']], getTree),
];
