import { checkSpec } from '../core/check.js';
import { decodeSpec } from '../core/decode.js';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import type { Policies } from '../config/policies.js';
import type { FileReport } from '../render/report.js';

export interface CheckedFile {
  report: FileReport;
  /** The decoded text, when the file could be read: review comments quote its lines. */
  text?: string;
}

/** Bytes of one spec to its report: a file that cannot be read gets a finding, never an exception. */
export function checkFile(path: string, bytes: Uint8Array, templatePath: string | undefined, policies: Policies, maxBytes: number): CheckedFile {
  const template = templatePath ?? BUILTIN_TEMPLATE;
  const decoded = decodeSpec(bytes, maxBytes);
  if (decoded.finding) return { report: { path, template, findings: [decoded.finding] } };
  const policy = policies.get(templatePath);
  if (!policy) throw new Error(`No policy was compiled for template ${template}`);
  return { report: { path, template, findings: checkSpec(decoded.text, policy) }, text: decoded.text };
}
