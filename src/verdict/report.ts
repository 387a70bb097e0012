import type { AppliedStatus } from '../core/status.js';
import type { Finding, Severity } from '../core/types.js';

/** The findings for one spec file and the template it was checked against. */
export interface FileReport {
  path: string;
  template: string;
  findings: Finding[];
  /** The status the spec was held to, when the configuration uses statuses and the spec states one. */
  status?: AppliedStatus;
}

/** How a file's status reads in a report: `status Draft: errors count as warnings`. */
export function statusNote(file: FileReport): string | undefined {
  if (!file.status) return undefined;
  const effect = { all: 'checked in full', warnings: 'errors count as warnings', off: 'not checked' }[file.status.strictness];
  return `status ${file.status.value}: ${effect}`;
}

/** A template's sections in template order, as the HTML report's columns. */
export interface SectionOutline {
  name: string;
  /** 0 for a top-level section, 1 for its sub-sections, and so on. */
  depth: number;
  required: boolean;
}

/** One run over many files: what every renderer (CLI, check run, Action) starts from. */
export interface Report {
  template: string;
  files: FileReport[];
  /** Each template's sections, by the name files[].template gives it, when the caller knows them. */
  outlines?: Record<string, SectionOutline[]>;
}

export interface Summary {
  files: number;
  failed: number;
  errors: number;
  warnings: number;
  notices: number;
}

export function fileStatus(file: FileReport): 'pass' | 'fail' {
  return file.findings.some((finding) => finding.severity === 'error') ? 'fail' : 'pass';
}

export function summarize(report: Report): Summary {
  const count = (severity: Severity): number =>
    report.files.reduce((sum, file) => sum + file.findings.filter((finding) => finding.severity === severity).length, 0);
  return {
    files: report.files.length,
    failed: report.files.filter((file) => fileStatus(file) === 'fail').length,
    errors: count('error'),
    warnings: count('warning'),
    notices: count('notice'),
  };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
