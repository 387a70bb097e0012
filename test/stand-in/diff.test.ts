/** The patches the stand-in lists are real unified diffs: applied to the base, they give the head. */
import fc from 'fast-check';
import { unifiedDiff } from '../../tools/dev/github-stand-in/index.js';

/** Applies a unified diff's hunks (GitHub's `patch`: no file header) to a text. */
function apply(before: string, patch: string | undefined): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  if (patch === undefined) return before;
  const out: string[] = [];
  let next = 0;
  const rows = patch.split('\n');
  for (let index = 0; index < rows.length; index++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(rows[index]!);
    if (!header) throw new Error(`expected a hunk header at ${rows[index]}`);
    const oldStart = Number(header[1]);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newCount = header[4] === undefined ? 1 : Number(header[4]);
    const from = oldCount === 0 ? oldStart : oldStart - 1;
    out.push(...old.slice(next, from));
    next = from;
    let seenOld = 0;
    let seenNew = 0;
    while (seenOld < oldCount || seenNew < newCount) {
      const line = rows[++index]!;
      if (line.startsWith('+')) {
        out.push(line.slice(1));
        seenNew++;
      } else {
        expect(line.slice(1)).toBe(old[next]);
        if (line.startsWith(' ')) {
          out.push(line.slice(1));
          seenNew++;
        }
        next++;
        seenOld++;
      }
    }
  }
  out.push(...old.slice(next));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '# H', '- item'), { maxLength: 30 }).map((lines) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`));

test('applying the patch to the old text gives the new text, and the counts match the patch', () => {
  fc.assert(
    fc.property(text, text, (before, after) => {
      const diff = unifiedDiff(before, after);
      expect(apply(before, diff.patch)).toBe(after);
      const rows = diff.patch?.split('\n') ?? [];
      expect(rows.filter((row) => row.startsWith('+')).length).toBe(diff.additions);
      expect(rows.filter((row) => row.startsWith('-')).length).toBe(diff.deletions);
    }),
    { numRuns: 300 },
  );
});

test('hunks carry three lines of context, like git diff', () => {
  const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';
  const after = before.replace('line 10\n', 'line ten\n');
  expect(unifiedDiff(before, after).patch).toBe('@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n line 13');
});
