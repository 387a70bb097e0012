/**
 * The lines of the new file that a review comment can point at: the added and unchanged
 * lines a unified diff shows (GitHub's RIGHT side). Lines outside every hunk are not in
 * the diff, and GitHub refuses comments on them.
 */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let line = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (text.startsWith('+') || text.startsWith(' ')) lines.add(line++);
    // '-' lines are gone from the new file; '\' is "No newline at end of file".
  }
  return lines;
}
