import type { Finding } from './types.js';

/**
 * The spec with its missing sections inserted where they belong, and every existing byte
 * kept: only insertions, in the file's own line endings, after a BOM if it has one.
 */
export function insertMissingSections(original: string, findings: readonly Finding[]): string {
  const eol = /\r\n/.test(original) ? '\r\n' : /\r/.test(original) && !/\n/.test(original) ? '\r' : '\n';
  const starts = lineStarts(original);
  const insertions = findings
    .filter((finding) => finding.rule === 'missing-section' && finding.because !== 'not-required' && finding.insertBeforeLine !== undefined && finding.insertText !== undefined)
    .map((finding) => ({ line: finding.insertBeforeLine!, text: finding.insertText!.replace(/\r?\n/g, eol) }));
  // Bottom-up, so earlier offsets stay valid; sections for the same place keep template order.
  const byLine = new Map<number, string[]>();
  for (const { line, text } of insertions) byLine.set(line, [...(byLine.get(line) ?? []), text]);
  let result = original;
  for (const line of [...byLine.keys()].sort((a, b) => b - a)) {
    const texts = byLine.get(line)!;
    if (line <= starts.length) {
      const offset = starts[line - 1]!;
      result = result.slice(0, offset) + texts.map((text) => text + eol + eol).join('') + result.slice(offset);
    } else {
      const needsBreak = result.length > 0 && !/(\r\n|\r|\n)$/.test(result);
      result += (needsBreak ? eol : '') + texts.map((text) => eol + text + eol).join('');
    }
  }
  return result;
}

/** Offsets where each line starts; a BOM belongs to no line, so line 1 starts after it. */
function lineStarts(text: string): number[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.length === bom) return [];
  const starts = [bom];
  for (const ending of text.matchAll(/\r\n|\r|\n/g)) {
    const next = (ending.index ?? 0) + ending[0].length;
    if (next < text.length) starts.push(next);
  }
  return starts;
}
