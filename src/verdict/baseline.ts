import { newProblemsOnly, type CheckedVersion } from '../core/baseline.js';
import type { FileReport } from './report.js';

/**
 * `enforce: new-problems` for one file: its report with the findings its base version already
 * had turned into `existing: …` notices. `base` undefined: the file is new, nothing changes.
 */
export function againstBase(head: FileReport, base: CheckedVersion | undefined): FileReport {
  return { ...head, findings: newProblemsOnly(head, base).findings };
}
