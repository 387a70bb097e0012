import { specDate } from './spec-date.js';
import { applyStrictness, specStatus, statusRank, type AppliedStatus, type Strictness } from './status.js';
import type { Finding, SpecDocument } from './types.js';

/** When a section became required: from a status on (`required_from`), or for specs dated on or after a day (`required_since`). */
export interface Deferral {
  from?: string;
  since?: string;
}

/** The configuration's view of a spec's life: its statuses, their order, and the sections that came later. */
export interface Lifecycle {
  statuses: Readonly<Record<string, Strictness>>;
  /** `status_order`, or the order of the `statuses` keys. */
  order: readonly string[];
  statusKeys: readonly string[];
  dateKeys: readonly string[];
  /** By the template's spelling of the section, as findings name it. */
  deferrals: ReadonlyMap<string, Deferral>;
}

/** What a check found, with the status it was held to (when the configuration uses statuses and the spec states one). */
export interface LifecycleResult {
  findings: Finding[];
  status?: AppliedStatus;
}

/**
 * Holds findings to the spec's own status and date: a missing section that the spec's status
 * or age does not call for yet becomes a notice that says why, then the status's strictness
 * applies (`warnings`, `off`). A spec with no status or no date is held to everything.
 */
export function applyLifecycle(findings: readonly Finding[], document: SpecDocument, lifecycle: Lifecycle): LifecycleResult {
  const usesStatus = Object.keys(lifecycle.statuses).length > 0 || [...lifecycle.deferrals.values()].some((deferral) => deferral.from !== undefined);
  const status = usesStatus ? specStatus(document, lifecycle.statusKeys, lifecycle.statuses) : undefined;
  const date = lifecycle.deferrals.size > 0 ? specDate(document, lifecycle.dateKeys) : undefined;
  const deferred = findings.map((finding) => {
    const deferral = finding.rule === 'missing-section' ? lifecycle.deferrals.get(finding.section) : undefined;
    const why = deferral && notRequiredBecause(deferral, status, date, lifecycle.order);
    return why ? { ...finding, severity: 'notice' as const, message: `Section "${finding.section}" is missing, and not required: ${why}`, because: 'not-required' as const } : finding;
  });
  const adjusted = applyStrictness(deferred, status?.strictness ?? 'all');
  return status ? { findings: adjusted, status } : { findings: adjusted };
}

function notRequiredBecause(
  deferral: Deferral,
  status: AppliedStatus | undefined,
  date: { day: string; key: string; line: number } | undefined,
  order: readonly string[],
): string | undefined {
  if (deferral.from !== undefined && status) {
    const rank = statusRank(status.value, order);
    const from = statusRank(deferral.from, order);
    if (rank !== undefined && from !== undefined && rank < from) {
      return `this spec's status is ${status.value} (line ${status.line}), and the section is required from ${deferral.from} on (required_from).`;
    }
  }
  if (deferral.since !== undefined && date && date.day < deferral.since) {
    return `this spec is dated ${date.day} (${date.key}, line ${date.line}), before the section was added to the template (required_since: ${deferral.since}).`;
  }
  return undefined;
}
