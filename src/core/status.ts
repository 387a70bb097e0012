import { metadataField } from './metadata.js';
import type { Finding, SpecDocument } from './types.js';

/** How strictly a spec in a status is held: as configured, errors as warnings, or not at all. */
export type Strictness = 'all' | 'warnings' | 'off';

/** The status a spec states about itself, and what the configuration makes of it. */
export interface AppliedStatus {
  value: string;
  /** The 1-based line the status was read from. */
  line: number;
  strictness: Strictness;
}

export const DEFAULT_STATUS_KEYS: readonly string[] = ['status'];

/** The spec's status under `statuses:` (matched case-insensitively; a status not listed is held to `all`). */
export function specStatus(document: SpecDocument, keys: readonly string[], statuses: Readonly<Record<string, Strictness>>): AppliedStatus | undefined {
  const field = metadataField(document, keys);
  if (!field) return undefined;
  return { value: field.value, line: field.line, strictness: lookup(statuses, field.value) ?? 'all' };
}

/**
 * Where a status stands in the document's life: its index in `order` (case-insensitive), or
 * undefined for a status the order does not list.
 */
export function statusRank(status: string, order: readonly string[]): number | undefined {
  const index = order.findIndex((candidate) => candidate.toLowerCase() === status.trim().toLowerCase());
  return index < 0 ? undefined : index;
}

/** `warnings`: every error becomes a warning (the check cannot fail); `off`: no findings at all. */
export function applyStrictness(findings: readonly Finding[], strictness: Strictness): Finding[] {
  if (strictness === 'off') return [];
  if (strictness === 'warnings') return findings.map((finding) => (finding.severity === 'error' ? { ...finding, severity: 'warning' } : finding));
  return [...findings];
}

function lookup<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  const wanted = key.trim().toLowerCase();
  const found = Object.keys(map).find((candidate) => candidate.toLowerCase() === wanted);
  return found === undefined ? undefined : map[found];
}
