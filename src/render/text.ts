import { styleText } from 'node:util';
import type { Severity } from '../core/types.js';
import { fileStatus, plural, summarize, type Report } from './report.js';

type Style = Parameters<typeof styleText>[0];
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };

/** eslint-like: findings grouped by file, a line each, then one summary line. */
export function renderText(report: Report, options: { color: boolean }): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
  const out: string[] = [];
  for (const file of report.files) {
    if (fileStatus(file) === 'pass' && file.findings.length === 0) {
      out.push(`${paint('green', '✔')} ${file.path}`);
      continue;
    }
    out.push(paint('underline', file.path));
    const lineWidth = Math.max(...file.findings.map((finding) => String(finding.line).length));
    for (const finding of file.findings) {
      const line = String(finding.line).padStart(lineWidth + 2);
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
      out.push(`${paint('dim', line)}  ${severity}  ${finding.message}  ${paint('dim', finding.rule)}`);
    }
    out.push('');
  }
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: Report, paint: (style: Style, text: string) => string): string {
  const summary = summarize(report);
  if (summary.files === 0) return 'No spec files found.';
  const problems = summary.errors + summary.warnings + summary.notices;
  if (problems === 0) return paint('green', `✔ ${plural(summary.files, 'spec')} checked: all complete.`);
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.notices > 0) parts.push(plural(summary.notices, 'notice'));
  const mark = summary.errors > 0 ? paint('red', '✖') : paint('yellow', '!');
  return `${mark} ${plural(problems, 'problem')} (${parts.join(', ')}): ${summary.failed} of ${plural(summary.files, 'spec')} incomplete.`;
}
