import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { insertMissingSections } from '../core/fill.js';
import type { Finding } from '../core/types.js';
import type { Report } from '../verdict/report.js';
import { checkSpecs, type CheckOptions } from './check-command.js';

export interface Fix {
  path: string;
  before: string;
  after: string;
  /** The sections inserted, in template order. */
  added: string[];
}

/**
 * What `specgate fix` would write: each spec with its missing sections inserted at their template
 * positions, heading and guidance, every other byte kept (the code of `/spec-template fill`). A
 * near miss is not filled: its fix is renaming the heading, which the check's finding says.
 */
export async function planFixes(options: CheckOptions): Promise<{ fixes: Fix[]; report: Report }> {
  const { report, specs } = await checkSpecs(options);
  const fixes: Fix[] = [];
  report.files.forEach((file, index) => {
    const missing = file.findings.filter(isFillable);
    if (missing.length === 0) return;
    const before = decodeKeepingBom(specs[index]!.bytes);
    if (before === undefined) return;
    fixes.push({ path: file.path, before, after: insertMissingSections(before, missing), added: missing.map((finding) => finding.section) });
  });
  // The report before any fix: with nothing to write, it is also the report after.
  return { fixes, report };
}

/** Writes the fixes; one line per file says what was added. */
export function applyFixes(root: string, fixes: readonly Fix[]): string {
  for (const fix of fixes) writeFileSync(resolve(root, fix.path), fix.after);
  return fixes.map((fix) => `fixed ${fix.path}: added ${fix.added.map((name) => `"${name}"`).join(', ')}\n`).join('');
}

/** `--dry-run`: the fixes as one unified diff, as `git diff` prints it (and `git apply` takes it). */
export function fixesAsDiff(fixes: readonly Fix[]): string {
  return fixes.map((fix) => createTwoFilesPatch(`a/${fix.path}`, `b/${fix.path}`, fix.before, fix.after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY })).join('');
}

function isFillable(finding: Finding): boolean {
  // A section the spec's status or date does not call for is not added either.
  return finding.rule === 'missing-section' && finding.because !== 'not-required' && finding.insertText !== undefined && finding.didYouMean === undefined;
}

function decodeKeepingBom(bytes: Uint8Array): string | undefined {
  try {
    // A BOM stays a character, so the text written back starts with the same bytes.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
