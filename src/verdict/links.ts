/**
 * Specs a pull request links in its description: a line that starts with the configured prefix
 * (`Spec: docs/specs/search.md`) names a spec to check at the head commit, changed or not.
 * A prefix, not a pattern from the configuration: the description is anyone's text, and a
 * configured regular expression run over it could be made to take forever.
 */

export interface LinkedSpec {
  /** The repository path, as given (without `./`, a leading `/`, backticks or a link's brackets). */
  path: string;
  /** The 1-based line of the description that links it. */
  line: number;
  /** The line as written, trimmed, for messages. */
  text: string;
  /** False when the text is not a repository path (a URL, `..`, an absolute path outside it). */
  valid: boolean;
}

/** At most this many links are followed: each one is a request to GitHub. */
export const MAX_LINKED_SPECS = 20;

export function linkedSpecs(body: string | null | undefined, prefix: string): LinkedSpec[] {
  const wanted = prefix.trim().toLowerCase();
  if (!body || wanted === '') return [];
  const links: LinkedSpec[] = [];
  const seen = new Set<string>();
  let fence: string | undefined;
  const lines = body.split(/\r?\n|\r/);
  for (let index = 0; index < lines.length && links.length < MAX_LINKED_SPECS; index++) {
    const line = lines[index]!.trim();
    const opener = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.slice(opener.length).trim() === '') fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    // A list item or a quote may carry the link too: `- Spec: …`, `> Spec: …`.
    const content = line.replace(/^(?:[-*+]\s+|>\s*)/, '');
    if (!content.toLowerCase().startsWith(wanted)) continue;
    const rest = content.slice(wanted.length).trim();
    const token = /^\[[^\]]*\]\([^)\s]+\)/.exec(rest)?.[0] ?? rest.split(/\s+/)[0] ?? '';
    if (token === '') continue;
    const path = cleanPath(token);
    if (seen.has(path)) continue;
    seen.add(path);
    links.push({ path, line: index + 1, text: line.slice(0, 200), valid: isRepositoryPath(path) });
  }
  return links;
}

function cleanPath(token: string): string {
  let path = token;
  const markdownLink = /^\[[^\]]*\]\(([^)\s]+)\)/.exec(path);
  if (markdownLink) path = markdownLink[1]!;
  path = path.replace(/^[`<]+|[`>.,;:]+$/g, '');
  return path.replace(/^\.\//, '').replace(/^\/+/, '');
}

function isRepositoryPath(path: string): boolean {
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('\\')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
