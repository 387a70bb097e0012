import type { Finding, Severity } from '../core/types.js';
import { findingKey } from './review-comments.js';
import type { Verdict } from '../verdict/verdict.js';
import { fileStatus, plural, statusNote, type FileReport } from '../verdict/report.js';

/** GitHub takes at most 50 annotations per check-run request; later requests append. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for a check run's summary and text. */
const MAX_SUMMARY = 65_535;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations: Annotation[];
}

/** Where the spec files can be opened: the repository's web address and the commit checked. */
export interface Links {
  repositoryUrl: string;
  headSha: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' };

/** Which findings become annotations: none, or all but those a line comment carries (by path and `findingKey`). */
export interface AnnotationChoice {
  annotate: boolean;
  /** `${path}\0${findingKey}` of the findings a line comment shows on the diff. */
  onLines?: ReadonlySet<string>;
}

export function renderCheckRun(verdict: Verdict, links: Links, skipLabel: string, choice: AnnotationChoice = { annotate: true }): CheckRunOutput {
  // A linked spec that does not exist has no file for GitHub to annotate: the table says it.
  const annotated = (path: string, finding: Finding) => choice.annotate && finding.rule !== 'linked-spec-missing' && !choice.onLines?.has(`${path}\0${findingKey(finding)}`);
  const annotations = verdict.report.files.flatMap((file) =>
    file.findings.filter((finding) => annotated(file.path, finding)).map((finding) => ({
      path: file.path,
      start_line: finding.line,
      end_line: finding.line,
      annotation_level: LEVEL[finding.severity],
      title: `${finding.rule}: ${finding.section}`.slice(0, 255),
      message: finding.message,
    })),
  );
  return { title: verdict.title, summary: clip([summaryOf(verdict, links, skipLabel), ...noticesOf(verdict), ...waiversOf(verdict)].join('\n')), annotations };
}

function summaryOf(verdict: Verdict, links: Links, skipLabel: string): string {
  const { state, report } = verdict;
  if (state.skip) return skippedNote(skipLabel, state.skip.by);
  const parts: string[] = [];
  if (state.needingSpec.length > 0) {
    parts.push(
      `This pull request changes files that need a spec (\`require_spec\`), but changes no spec file:`,
      '',
      ...state.needingSpec.slice(0, 20).map((path) => `- \`${path}\``),
      ...(state.needingSpec.length > 20 ? [`- … and ${state.needingSpec.length - 20} more`] : []),
      '',
    );
  }
  if (report.files.length === 0) {
    parts.push('No spec file was added or changed, so there was nothing to check.');
  } else {
    parts.push('| Spec | Template | Result | Problems |', '| --- | --- | --- | --- |');
    for (const file of report.files) parts.push(fileRow(file, links));
  }
  if (verdict.conclusion === 'neutral') parts.push('', 'This is a draft: the check reports problems without failing until it is ready for review.');
  if (state.filesTruncated) {
    parts.push('', '> [!WARNING]', '> GitHub lists only the first 3,000 files of a pull request; spec files after those were not checked.');
  }
  if (state.specsFromTrees) {
    parts.push('', '> [!NOTE]', '> GitHub lists only the first 3,000 files of a pull request (300 of a comparison); specgate found every other changed spec by comparing the base and head trees under the spec paths.');
  }
  return parts.join('\n');
}

/** Settings an organisation's locks overrode: visible, so nobody wonders why theirs did not apply. */
/** Who waived which section and why, under the table. */
export function waiversOf(verdict: Verdict): string[] {
  if (!verdict.waivers || verdict.waivers.length === 0) return [];
  return ['', '**Waivers** (findings in a waived section are notices):', ...verdict.waivers.map((line) => `- ${line}`)];
}

export function noticesOf(verdict: Verdict): string[] {
  if (!verdict.notices || verdict.notices.length === 0) return [];
  return ['', '> [!NOTE]', '> The configuration inherits locked sections; these settings of it were ignored:', ...verdict.notices.map((notice) => `> - ${notice}`)];
}

/**
 * Why nothing was checked: the check run and the sticky comment say it the same way. `mention`
 * off names the person without an @-mention, which in a comment would notify them.
 */
export function skippedNote(skipLabel: string, by: string | undefined, mention = true): string {
  const who = by === undefined ? '' : ` by ${mention ? '@' : ''}${by}`;
  return `The label \`${skipLabel}\` was added${who}, so specs were not checked. Remove the label to check them again.`;
}

function fileRow(file: FileReport, links: Links): string {
  const url = `${links.repositoryUrl}/blob/${links.headSha}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
  const status = statusNote(file);
  const result = `${fileStatus(file) === 'pass' ? '✅ complete' : '❌ incomplete'}${status ? ` (${status})` : ''}`;
  const byRule = new Map<string, string[]>();
  for (const finding of file.findings) {
    // Existing debt and sections not yet required are listed apart from what blocks.
    const key = finding.because === undefined ? finding.rule : `${finding.rule} (${finding.because === 'existing' ? 'existing' : 'not required'})`;
    const sections = byRule.get(key) ?? [];
    if (!sections.includes(finding.section)) sections.push(finding.section);
    byRule.set(key, sections);
  }
  const problems = [...byRule].map(([rule, sections]) => `${rule}: ${sections.map(escapeCell).join(', ')}`).join('<br>');
  return `| [${escapeCell(file.path)}](${url}) | ${escapeCell(file.template)} | ${result} | ${problems} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function clip(summary: string): string {
  if (summary.length <= MAX_SUMMARY) return summary;
  const note = `\n\n… cut at GitHub's limit of ${plural(MAX_SUMMARY, 'character')}; every finding is still an annotation.`;
  return summary.slice(0, MAX_SUMMARY - note.length) + note;
}

export interface ConfigProblemView {
  line: number;
  message: string;
}

/** A configuration the gate cannot run with: say where, and annotate the lines when the file is in this repository. */
export function renderConfigError(problems: ConfigProblemView[], file: { path: string; url: string; inThisRepository: boolean }): CheckRunOutput {
  const list = problems.map((problem) => `- line ${problem.line}: ${problem.message}`);
  return {
    title: `Configuration error in ${file.path}`,
    summary: clip(
      [`specgate cannot check specs until [${file.path}](${file.url}) is fixed on the default branch:`, '', ...list].join('\n'),
    ),
    annotations: file.inThisRepository
      ? problems.map((problem) => ({
          path: file.path,
          start_line: problem.line,
          end_line: problem.line,
          annotation_level: 'failure' as const,
          title: 'specgate configuration',
          message: problem.message,
        }))
      : [],
  };
}

/**
 * Too many changed files to know every changed spec: the check fails rather than let an
 * incomplete spec through unseen, and says how to get past it.
 */
export function renderTooManyFiles(reason: string, skipLabel: string): CheckRunOutput {
  return {
    title: 'Too many changed files to find every spec',
    summary: clip(
      [
        `GitHub lists only the first 3,000 files of a pull request (300 of a comparison), and ${reason}, so specgate cannot tell whether an incomplete spec is among the files it could not see. The check fails rather than let one through unseen.`,
        '',
        `To get past it: split the change into smaller pull requests, or add the label \`${skipLabel}\` (or comment \`/spec-template skip <reason>\`, with write access) to pass the check without checking specs.`,
      ].join('\n'),
    ),
    annotations: [],
  };
}

/** Something failed that is not the author's to fix: say so plainly, and how to try again. */
export function renderInternalError(reason: string): CheckRunOutput {
  return {
    title: 'specgate could not finish the check',
    summary: clip(
      [
        `The check stopped before it could judge the specs: ${reason}`,
        '',
        'Nothing is wrong with the pull request itself as far as specgate knows. Use **Re-run** on this check, or push again, to retry.',
      ].join('\n'),
    ),
    annotations: [],
  };
}
