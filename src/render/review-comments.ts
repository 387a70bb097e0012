import { headingKey } from '../core/normalize.js';
import type { Finding } from '../core/types.js';
import { commentableLines } from '../verdict/diff.js';

export interface ReviewCommentDraft {
  path: string;
  line: number;
  body: string;
  /** Which finding this is, so a later run does not post it again. */
  key: string;
  isError: boolean;
  /** Whether it carries a one-click suggestion (the sticky comment never shows one). */
  suggestion: boolean;
}

interface SpecInDiff {
  path: string;
  patch?: string;
  /** The spec's lines, to quote the line a suggestion replaces. */
  lines?: readonly string[];
  findings: readonly Finding[];
}

/**
 * Line comments for the findings GitHub lets us place: on lines of the diff only. A missing
 * section whose place is in the diff gets a suggestion that inserts its heading and guidance.
 */
export function reviewComments(spec: SpecInDiff): ReviewCommentDraft[] {
  const inDiff = commentableLines(spec.patch);
  const drafts: ReviewCommentDraft[] = [];
  for (const finding of spec.findings) {
    if (finding.severity === 'notice') continue;
    const key = findingKey(finding);
    const suggestion = suggestionFor(finding, spec, inDiff);
    if (suggestion) {
      drafts.push({ path: spec.path, line: suggestion.line, key, isError: finding.severity === 'error', suggestion: true, body: `${lead(finding)}\n\n\`\`\`suggestion\n${suggestion.text}\n\`\`\`` });
    } else if (inDiff.has(finding.line)) {
      drafts.push({ path: spec.path, line: finding.line, key, isError: finding.severity === 'error', suggestion: false, body: lead(finding) });
    }
  }
  return drafts;
}

/** Which finding of a file this is (rule and section), stable across pushes that move its line. */
export function findingKey(finding: Pick<Finding, 'rule' | 'section'>): string {
  return `${finding.rule}:${headingKey(finding.section).replace(/\s+/g, '-') || 'file'}`;
}

const ATX_HEADING = /^(\s{0,3}#{1,6}\s+)/;

function lead(finding: Finding): string {
  const icon = finding.severity === 'error' ? '❌' : '⚠️';
  return `${icon} **${finding.section}**: ${finding.message} <sub>(${finding.rule})</sub>`;
}

/**
 * A near miss is fixed by renaming its heading. Otherwise the section is inserted: replace the
 * line it goes before with the section and that line, or append it after the last line.
 */
function suggestionFor(finding: Finding, spec: SpecInDiff, inDiff: Set<number>): { line: number; text: string } | undefined {
  if (!spec.lines) return undefined;
  if (finding.didYouMean) {
    const { line } = finding.didYouMean;
    const heading = ATX_HEADING.exec(spec.lines[line - 1] ?? '');
    return heading && inDiff.has(line) ? { line, text: `${heading[1]}${finding.section}` } : undefined;
  }
  const { insertBeforeLine: before, insertText: text } = finding;
  if (before === undefined || text === undefined) return undefined;
  const lineCount = spec.lines.length;
  if (before <= lineCount && inDiff.has(before)) {
    return { line: before, text: `${text}\n\n${spec.lines[before - 1]}` };
  }
  if (before > lineCount && inDiff.has(lineCount)) {
    return { line: lineCount, text: `${spec.lines[lineCount - 1]}\n\n${text}` };
  }
  return undefined;
}
