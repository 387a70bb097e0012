import { fileStatus, summarize, type Report } from '../verdict/report.js';

/** The documented, versioned JSON shape: stable for scripts, so it lists exactly these fields. */
export function renderJson(report: Report): string {
  const summary = summarize(report);
  const output = {
    version: 1,
    template: report.template,
    files: report.files.map((file) => ({
      path: file.path,
      // The template this file was checked against (path or `built-in`): a key added within version 1, so readers of the first shape are unaffected.
      template: file.template,
      status: fileStatus(file),
      // The status the spec states, when the configuration uses statuses (added within version 1): `--baseline` reads it back.
      ...(file.status ? { spec_status: file.status.value } : {}),
      findings: file.findings.map(({ rule, severity, section, line, message }) => ({ rule, severity, section, line, message })),
    })),
    summary: { files: summary.files, failed: summary.failed, errors: summary.errors, warnings: summary.warnings },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
