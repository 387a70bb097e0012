import { plural, summarize, type Report } from '../verdict/report.js';
import { didYouMean } from './args.js';
import { UsageError } from './workspace.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;

/** When a check run fails: the Action's `fail-on`, eslint's `--max-warnings`. */
export interface Gate {
  failOn: (typeof FAIL_ON)[number];
  /** More warnings than this fails the run. */
  maxWarnings?: number;
}

export function gateFrom(values: { 'fail-on'?: string; 'max-warnings'?: string }): Gate {
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}, not "${failOn}".${didYouMean(failOn, FAIL_ON)}`);
  const raw = values['max-warnings'];
  if (raw === undefined) return { failOn: failOn as Gate['failOn'] };
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number of warnings (0 or more), not "${raw}".`);
  return { failOn: failOn as Gate['failOn'], maxWarnings: Number(raw) };
}

/** The exit code (0 or 1) and, when the warnings alone fail the run, the sentence that says why. */
export function outcome(report: Report, gate: Gate): { code: 0 | 1; why?: string } {
  const { errors, warnings } = summarize(report);
  if (gate.failOn === 'never') return { code: 0 };
  if (errors > 0) return { code: 1 };
  if (gate.failOn === 'warning' && warnings > 0) return { code: 1, why: `${plural(warnings, 'warning')}, and --fail-on warning counts warnings as errors.` };
  if (gate.maxWarnings !== undefined && warnings > gate.maxWarnings) {
    return { code: 1, why: `${plural(warnings, 'warning')}: more than --max-warnings ${gate.maxWarnings} allows.` };
  }
  return { code: 0 };
}

/** `--quiet`: errors only, as eslint's. The exit code is still decided on every finding. */
export function errorsOnly(report: Report): Report {
  return { ...report, files: report.files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.severity === 'error') })) };
}
