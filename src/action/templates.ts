/** Template texts by repository path, from where the configuration came from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefaultBranchText, type ApiClient } from './github.js';

/**
 * Through the API: the default branch, and the owner's `.github` repository for a template the
 * repository lacks (as the app reads them). From the workspace: the checkout's files.
 */
export async function readTemplates(
  paths: Iterable<string | undefined>,
  from: { client: ApiClient } | { workspace: string },
): Promise<Map<string, string | undefined>> {
  const wanted = [...new Set(paths)].filter((path): path is string => path !== undefined);
  const texts = await Promise.all(
    wanted.map(async (path) => {
      if ('workspace' in from) return readText(join(from.workspace, path));
      const { client } = from;
      const here = await readDefaultBranchText(client, { owner: client.owner, repo: client.repo, path });
      if (here !== undefined || client.repo === '.github') return here;
      return readDefaultBranchText(client, { owner: client.owner, repo: '.github', path });
    }),
  );
  return new Map(wanted.map((path, index) => [path, texts[index]]));
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
