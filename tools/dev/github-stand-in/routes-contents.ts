/** Repository contents (read raw or as JSON, written with a SHA check) and git blobs. */
import { createHash } from 'node:crypto';
import { blobSha } from './git.js';
import { error, json, notFound, objectBody, type ApiReply, type ApiRequest } from './http.js';
import { movedHead } from './pulls.js';
import { repoRoute, type Route, type StandInContext } from './router.js';
import { contentFileJson, directoryEntryJson, fileCommitJson } from './shapes-records.js';
import type { RepoState } from './state.js';

/** `application/vnd.github.raw`, `…v3.raw` or `…raw+json`: the file's bytes instead of JSON. */
const wantsRaw = (request: ApiRequest): boolean => /application\/vnd\.github(\.v3)?\.raw/.test(String(request.headers.accept ?? ''));

function getContents(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const ref = request.query.get('ref') ?? undefined;
  const commit = repo.resolve(ref);
  if (!commit) return error(404, `No commit found for the ref ${ref ?? repo.defaultBranch}`);
  const shownRef = ref ?? repo.defaultBranch;
  const path = (request.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const bytes = commit.tree.get(path);
  if (bytes) {
    if (wantsRaw(request)) return { status: 200, raw: { contentType: 'text/plain; charset=utf-8', bytes } };
    return json(200, contentFileJson(urls, repo, path, bytes, blobSha(bytes), shownRef));
  }
  // A directory is listed as JSON whatever the media type (Probot's config loader relies on that).
  const prefix = path === '' ? '' : `${path}/`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [file, content] of commit.tree) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...deeper] = file.slice(prefix.length).split('/');
    const entryPath = `${prefix}${name}`;
    if (entries.has(entryPath)) continue;
    const treeSha = createHash('sha1').update(`tree ${commit.sha} ${entryPath}`).digest('hex');
    entries.set(
      entryPath,
      deeper.length === 0
        ? directoryEntryJson(urls, repo, entryPath, 'file', content.length, blobSha(content), shownRef)
        : directoryEntryJson(urls, repo, entryPath, 'dir', 0, treeSha, shownRef),
    );
  }
  if (entries.size === 0) return notFound();
  return json(200, [...entries.values()].sort((a, b) => String(a.name).localeCompare(String(b.name))));
}

/**
 * `repos.createOrUpdateFileContents`, with GitHub's answers: 404 for an unknown branch, 422 when an
 * existing file is written without `sha`, 409 when `sha` is not the file's current blob.
 */
function putContents(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const body = objectBody(request);
  if (!body) return error(400, 'Problems parsing JSON');
  for (const field of ['message', 'content']) {
    if (typeof body[field] !== 'string') return error(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
  }
  const path = (request.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const branch = typeof body.branch === 'string' ? body.branch : repo.defaultBranch;
  const tip = repo.branches.get(branch);
  if (tip === undefined) return error(404, `Branch ${branch} not found`);
  const existing = repo.commits.get(tip)!.tree.get(path);
  if (existing) {
    const currentSha = blobSha(existing);
    if (typeof body.sha !== 'string') return error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (body.sha !== currentSha) return error(409, `${path} does not match ${body.sha}`);
  }
  const bytes = Buffer.from(String(body.content), 'base64');
  const commit = repo.commit(undefined, branch, { [path]: bytes }, String(body.message));
  for (const pull of repo.pulls.values()) {
    if (pull.state === 'open' && pull.headRef === branch) movedHead(repo, pull, commit.sha);
  }
  return json(existing ? 200 : 201, fileCommitJson(urls, repo, path, bytes, blobSha(bytes), branch, commit));
}

function getBlob(request: ApiRequest, repo: RepoState, { urls }: StandInContext): ApiReply {
  const sha = request.params.file_sha ?? '';
  const bytes = repo.blobs.get(sha);
  if (!bytes) return notFound();
  const base64 = Buffer.from(bytes).toString('base64');
  return json(200, {
    sha,
    node_id: Buffer.from(`04:Blob${sha}`).toString('base64'),
    size: bytes.length,
    url: `${urls.api}/repos/${repo.fullName}/git/blobs/${sha}`,
    content: `${base64.replace(/.{60}/g, '$&\n')}\n`,
    encoding: 'base64',
  });
}

export const contentRoutes: Route[] = [
  repoRoute('GET', '/repos/{owner}/{repo}/contents', [['contents', 'read']], getContents),
  repoRoute('GET', '/repos/{owner}/{repo}/contents/{path+}', [['contents', 'read']], getContents),
  repoRoute('PUT', '/repos/{owner}/{repo}/contents/{path+}', [['contents', 'write']], putContents),
  repoRoute('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', [['contents', 'read']], getBlob),
];
