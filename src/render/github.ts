import type { Report } from '../verdict/report.js';

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export function renderGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const properties = `file=${escapeProperty(file.path)},line=${finding.line},title=${escapeProperty(`specgate ${finding.rule}`)}`;
      lines.push(`::${finding.severity} ${properties}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// The escaping @actions/core applies, so a message cannot end the command early.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
