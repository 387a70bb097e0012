/**
 * Reading a repository through GitHub's REST API: shared by the app (Probot's Octokit) and the
 * Action (@octokit/rest), so both read configuration, templates and specs the same way.
 */

type Call = (parameters: never) => Promise<{ data: unknown }>;

/** The two calls the readers make; both adapters' clients have them. */
export interface ContentClient {
  owner: string;
  repo: string;
  octokit: { rest: { repos: { getContent: Call }; git: { getBlob: Call } } };
}

interface At {
  owner: string;
  repo: string;
  path: string;
}

// The readers' own parameter shapes: one cast here, not in every caller.
function getContent(client: ContentClient, parameters: At & { ref?: string; mediaType?: { format: string } }): Promise<{ data: unknown }> {
  return (client.octokit.rest.repos.getContent as (parameters: unknown) => Promise<{ data: unknown }>)(parameters);
}

/** An HTTP status from Octokit's RequestError, when there is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A text file from a repository's default branch (no `ref`), or undefined when it does not exist. */
export async function readTextFile(client: ContentClient, at: At): Promise<string | undefined> {
  try {
    const { data } = await getContent(client, { ...at, mediaType: { format: 'raw' } });
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    return undefined;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Template texts by path, from the default branch. A template the repository lacks is looked
 * for in the owner's `.github` repository, where an organisation keeps what all repos share.
 */
export async function readTemplates(client: ContentClient, paths: Iterable<string | undefined>): Promise<Map<string, string | undefined>> {
  const wanted = [...new Set(paths)].filter((path): path is string => path !== undefined);
  const texts = await Promise.all(
    wanted.map(async (path) => {
      const here = await readTextFile(client, { owner: client.owner, repo: client.repo, path });
      if (here !== undefined || client.repo === '.github') return here;
      return readTextFile(client, { owner: client.owner, repo: '.github', path });
    }),
  );
  return new Map(wanted.map((path, index) => [path, texts[index]]));
}

/**
 * A file's bytes by blob SHA, from the base repository: a fork's commits are reachable there
 * too, and a blob SHA names the same bytes on every branch, which makes it a safe cache key.
 */
export async function fetchBlob(client: ContentClient, sha: string): Promise<Uint8Array> {
  const getBlob = client.octokit.rest.git.getBlob as (parameters: unknown) => Promise<{ data: { encoding: string; content: string } }>;
  const { data } = await getBlob({ owner: client.owner, repo: client.repo, file_sha: sha });
  return data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
}

export type FileAtRef = { kind: 'file'; sha: string; bytes: Uint8Array } | { kind: 'missing' } | { kind: 'not-a-file' };

/**
 * A file by path at a commit (the pull request's head, for a spec its description links): the
 * contents API with `ref`, in the base repository, where a fork's head commit is reachable too.
 * Over 1 MB the contents API leaves the content out; the blob is read by its SHA then.
 */
export async function readFileAtRef(
  client: ContentClient,
  path: string,
  ref: string,
  cached?: (sha: string) => Uint8Array | undefined,
): Promise<FileAtRef> {
  let data: unknown;
  try {
    ({ data } = await getContent(client, { owner: client.owner, repo: client.repo, path, ref }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
  const file = data as { type?: string; sha?: string; encoding?: string; content?: string; size?: number };
  if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') return { kind: 'not-a-file' };
  const known = cached?.(file.sha);
  if (known) return { kind: 'file', sha: file.sha, bytes: known };
  if (file.encoding === 'base64' && typeof file.content === 'string' && (file.content !== '' || file.size === 0)) {
    return { kind: 'file', sha: file.sha, bytes: Buffer.from(file.content, 'base64') };
  }
  return { kind: 'file', sha: file.sha, bytes: await fetchBlob(client, file.sha) };
}
