/** Template texts by repository path, from where the configuration came from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplates as readTemplatesThroughApi } from '../github/contents.js';
import type { ApiClient } from './github.js';

/**
 * Through the API: the default branch, and the owner's `.github` repository for a template the
 * repository lacks (as the app reads them). From the workspace: the checkout's files.
 */
export async function readTemplates(
  paths: Iterable<string | undefined>,
  from: { client: ApiClient } | { workspace: string },
): Promise<Map<string, string | undefined>> {
  if ('client' in from) return readTemplatesThroughApi(from.client, paths);
  const wanted = [...new Set(paths)].filter((path): path is string => path !== undefined);
  return new Map(wanted.map((path) => [path, readText(join(from.workspace, path))]));
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
