import { headingKey } from './normalize.js';
import type { Finding } from './types.js';

/** One version of a spec as checked: its findings and the status it stated, if any. */
export interface CheckedVersion {
  findings: readonly Finding[];
  status?: { value: string };
}

/** What the base version tells about the findings at the head. */
export type BaselineOutcome = 'new-file' | 'status-changed' | 'compared';

/**
 * `enforce: new-problems`: a finding the base version of the same file already had (same rule,
 * same section, wherever its line is now) is existing debt, a notice that never blocks; the rest
 * keep their severity. Counted as a multiset: the base's one empty section excuses one, not two.
 * A file without a base version is new; a spec whose status changed (Draft to Accepted) is a new
 * decision about the document and is held to everything its new status asks.
 */
export function newProblemsOnly(head: CheckedVersion, base: CheckedVersion | undefined): { findings: Finding[]; outcome: BaselineOutcome } {
  if (!base) return { findings: [...head.findings], outcome: 'new-file' };
  if (statusKey(head) !== statusKey(base)) return { findings: [...head.findings], outcome: 'status-changed' };
  const debt = new Map<string, number>();
  for (const finding of base.findings) debt.set(identity(finding), (debt.get(identity(finding)) ?? 0) + 1);
  const findings = head.findings.map((finding) => {
    const left = debt.get(identity(finding)) ?? 0;
    if (left === 0) return finding;
    debt.set(identity(finding), left - 1);
    return { ...finding, severity: 'notice' as const, message: `existing: ${finding.message}`, because: 'existing' as const };
  });
  return { findings, outcome: 'compared' };
}

/** A finding's identity across versions: line numbers move with every edit above it. */
function identity(finding: Finding): string {
  return `${finding.rule}\u0000${headingKey(finding.section)}`;
}

function statusKey(version: CheckedVersion): string {
  return version.status?.value.trim().toLowerCase() ?? '';
}
