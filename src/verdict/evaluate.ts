import { checkSpecInContext } from '../core/check.js';
import { decodeSpec } from '../core/decode.js';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import { closest } from '../core/closest.js';
import type { Policies } from '../config/policies.js';
import type { TemplateChoice } from '../config/select.js';
import type { FileReport } from './report.js';
import type { LinkedSpec } from './links.js';

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
  const { findings, status } = checkSpecInContext(decoded.text, policy);
  return { report: { path, template, findings, ...(status ? { status } : {}) }, text: decoded.text };
}

/** A spec whose front matter names a template the configuration does not define: one finding, on that line. */
export function unknownTemplateFile(path: string, choice: Extract<TemplateChoice, { kind: 'unknown' }>): CheckedFile {
  const hint = closestName(choice.name, choice.known);
  const known = choice.known.length > 0 ? ` Named templates: ${choice.known.join(', ')}.` : ' The configuration names no templates (`named_templates`).';
  const message = `The front matter names the template "${choice.name}", which the configuration does not define, so the spec was not checked.${hint ? ` Did you mean "${hint}"?` : ''}${known}`;
  return { report: { path, template: `${choice.name} (unknown)`, findings: [{ rule: 'unknown-template', severity: 'error', section: '(front matter)', line: choice.line, message }] } };
}

/** A spec the pull request description links that is not a file at the head commit. */
export function missingLinkedSpec(link: LinkedSpec, headSha: string, reason: 'missing' | 'not-a-file' | 'not-a-path' = 'missing'): CheckedFile {
  const where = `the description's line ${link.line} (\`${link.text}\`)`;
  const message =
    reason === 'not-a-path'
      ? `The pull request links "${link.path}" on ${where}, which is not a path in this repository. Write the spec's path from the repository root, like docs/specs/name.md.`
      : `The pull request links "${link.path}" on ${where}, but ${reason === 'missing' ? 'no such file exists' : 'that is not a file'} at the head commit ${headSha.slice(0, 7)}. Fix the path in the description, or add the spec.`;
  return { report: { path: link.path, template: '-', findings: [{ rule: 'linked-spec-missing', severity: 'error', section: '(file)', line: 1, message }] } };
}

/** The nearest name, whatever its case: front matter says `ADR` for `adr`. */
function closestName(word: string, candidates: readonly string[]): string | undefined {
  const best = closest(word.toLowerCase(), candidates.map((candidate) => candidate.toLowerCase()));
  return best === undefined ? undefined : candidates.find((candidate) => candidate.toLowerCase() === best);
}
