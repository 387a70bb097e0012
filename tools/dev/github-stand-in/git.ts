/**
 * The little of git the stand-in needs: blob SHAs as git computes them, commit SHAs, and the
 * unified diff GitHub puts in a pull request file's `patch`.
 */
import { createHash } from 'node:crypto';

/** The SHA git gives a blob: sha1 over `blob <size>\0<bytes>`, so seeded files have their real SHAs. */
export function blobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

let commitCounter = 0;

/** A fresh 40-hex commit SHA (unique within the process; no real commit object behind it). */
export function newCommitSha(seed: string): string {
  commitCounter += 1;
  return createHash('sha1').update(`commit ${commitCounter} ${seed} ${process.hrtime.bigint()}`).digest('hex');
}

/** Text GitHub would diff: UTF-8 without NUL bytes; anything else is "binary" and has no patch. */
export function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export interface FileDiff {
  /** Unified diff hunks without the `---`/`+++` header, as GitHub's `patch` field has them. */
  patch: string | undefined;
  additions: number;
  deletions: number;
}

function lines(text: string): string[] {
  if (text === '') return [];
  const split = text.split('\n');
  if (split.at(-1) === '') split.pop();
  return split;
}

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

/** Line operations turning `a` into `b` (longest common subsequence; big inputs fall back to replace-all). */
function operations(a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  if (a.length * b.length > 4_000_000) {
    a.forEach((text, index) => ops.push({ kind: '-', text, oldLine: index + 1, newLine: 0 }));
    b.forEach((text, index) => ops.push({ kind: '+', text, oldLine: a.length, newLine: index + 1 }));
    return ops;
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i]!, oldLine: ++i, newLine: ++j });
    } else if (i < a.length && (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      // Removals before additions, as git writes a changed line.
      ops.push({ kind: '-', text: a[i]!, oldLine: ++i, newLine: j });
    } else {
      ops.push({ kind: '+', text: b[j]!, oldLine: i, newLine: ++j });
    }
  }
  return ops;
}

const CONTEXT = 3;

/** The unified diff of two texts with three lines of context, hunk headers as git writes them. */
export function unifiedDiff(before: string, after: string): FileDiff {
  const ops = operations(lines(before), lines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return { patch: undefined, additions: 0, deletions: 0 };
  // Group changes whose context overlaps into hunks.
  const groups: Array<[number, number]> = [];
  for (const index of changed) {
    const last = groups.at(-1);
    if (last && index - last[1] <= CONTEXT * 2 + 1) last[1] = index;
    else groups.push([index, index]);
  }
  const hunks = groups.map(([first, last]) => {
    const slice = ops.slice(Math.max(0, first - CONTEXT), Math.min(ops.length, last + CONTEXT + 1));
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const head = slice[0]!;
    // git names the line before the hunk when a side is empty: `-0,0` for a file added whole.
    const oldStart = oldCount === 0 ? head.oldLine : head.kind === '+' ? head.oldLine + 1 : head.oldLine;
    const newStart = newCount === 0 ? head.newLine : head.kind === '-' ? head.newLine + 1 : head.newLine;
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
    return [`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, ...slice.map((op) => `${op.kind}${op.text}`)].join('\n');
  });
  return {
    patch: hunks.join('\n'),
    additions: ops.filter((op) => op.kind === '+').length,
    deletions: ops.filter((op) => op.kind === '-').length,
  };
}

/** The lines of each side a review comment may sit on: every line a hunk shows on that side. */
export function commentableLines(patch: string | undefined): { right: Set<number>; left: Set<number> } {
  const right = new Set<number>();
  const left = new Set<number>();
  if (patch === undefined) return { right, left };
  let oldLine = 0;
  let newLine = 0;
  for (const line of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      continue;
    }
    if (line.startsWith('+')) right.add(newLine++);
    else if (line.startsWith('-')) left.add(oldLine++);
    else if (line.startsWith(' ') || line === '') {
      right.add(newLine++);
      left.add(oldLine++);
    }
  }
  return { right, left };
}
