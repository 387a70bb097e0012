/**
 * CODEOWNERS, as GitHub reads it: the last matching pattern wins; patterns follow gitignore's
 * rules (no slash: any depth; a leading slash: from the root; a trailing slash: a directory).
 * Matched with picomatch, which the configuration's globs already use.
 */
import picomatch from 'picomatch';

/** Where GitHub looks, in its order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** The owners of a path (`@user`, `@org/team`, emails), as the last matching line lists them. */
export function ownersOf(codeowners: string, path: string): string[] {
  let owners: string[] = [];
  for (const raw of codeowners.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const [pattern, ...names] = line.split(/\s+/);
    if (matches(pattern!, path)) owners = names;
  }
  return owners;
}

function matches(pattern: string, path: string): boolean {
  let glob = pattern.replace(/\\#/g, '#');
  const anchored = glob.startsWith('/') || glob.slice(0, -1).includes('/');
  glob = glob.replace(/^\//, '');
  if (glob.endsWith('/')) glob = `${glob}**`;
  else if (!glob.endsWith('*')) glob = `{${glob},${glob}/**}`;
  if (!anchored) glob = `**/${glob}`;
  return picomatch(glob, { dot: true })(path);
}
