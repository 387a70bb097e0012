import { readTextFile } from './config-file.js';
import type { RepoClient } from './repo.js';

/**
 * Template texts by path, from the default branch. A template the repository lacks is looked
 * for in the owner's `.github` repository, where an organisation keeps what all repos share.
 */
export async function readTemplates(client: RepoClient, paths: Iterable<string | undefined>): Promise<Map<string, string | undefined>> {
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
