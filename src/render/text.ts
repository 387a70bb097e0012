import { styleText } from 'node:util';
import type { Severity } from '../core/types.js';
import { fileStatus, plural, statusNote, summarize, type FileReport, type Report } from '../verdict/report.js';

type Style = Parameters<typeof styleText>[0];
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };

/** eslint-like: findings grouped by file, a line each, then one summary line. */
export function renderText(report: Report, options: { color: boolean; /** What to say when there is no file. */ empty?: string }): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
  const out: string[] = [];
  // With more than one template in the run, each file says which one it was checked against.
  const templates = new Set(report.files.map((file) => file.template));
  const templateOf = (file: FileReport): string => {
    const notes = [...(templates.size > 1 ? [`template: ${file.template}`] : []), ...(statusNote(file) ? [statusNote(file)!] : [])];
    return notes.length > 0 ? paint('dim', `  (${notes.join('; ')})`) : '';
  };
  for (const file of report.files) {
    if (fileStatus(file) === 'pass' && file.findings.length === 0) {
      out.push(`${paint('green', '✔')} ${file.path}${templateOf(file)}`);
      continue;
    }
    out.push(`${paint('underline', file.path)}${templateOf(file)}`);
    const lineWidth = Math.max(...file.findings.map((finding) => String(finding.line).length));
    for (const finding of file.findings) {
      const line = String(finding.line).padStart(lineWidth + 2);
      const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
      out.push(`${paint('dim', line)}  ${severity}  ${finding.message}  ${paint('dim', finding.rule)}`);
    }
    out.push('');
  }
  out.push(report.files.length === 0 ? (options.empty ?? 'No spec files found.') : summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

function summaryLine(report: Report, paint: (style: Style, text: string) => string): string {
  const summary = summarize(report);
  const problems = summary.errors + summary.warnings + summary.notices;
  if (problems === 0) return paint('green', `✔ ${plural(summary.files, 'spec')} checked: all complete.`);
  // Only the counts that are not zero: "1 warning", not "0 errors, 1 warning".
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.notices, 'notice')].filter((part) => !part.startsWith('0 '));
  const counts = parts.length === 1 ? parts[0]! : `${plural(problems, 'problem')} (${parts.join(', ')})`;
  if (summary.errors === 0) return `${paint('yellow', '!')} ${counts}: ${plural(summary.files, 'spec')} checked, all complete.`;
  return `${paint('red', '✖')} ${counts}: ${summary.failed} of ${plural(summary.files, 'spec')} incomplete.`;
}
