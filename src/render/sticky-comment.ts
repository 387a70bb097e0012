import type { Verdict } from '../verdict/verdict.js';
import { fileStatus, type FileReport } from '../verdict/report.js';
import { skippedNote, type Links } from './check-run.js';

/** Finds our one comment among all of a pull request's comments. */
export const STICKY_MARKER = '<!-- specgate:sticky -->';

/** Which push a comment describes, so an older run never overwrites a newer one. */
export interface CommentStamp {
  headSha: string;
  /** The pull request's `updated_at` when the event was sent: later pushes have later stamps. */
  updatedAt: string;
}

const STAMP = /<!-- specgate:stamp head=([0-9a-f]+) updated=(\S+) -->/;

export function readStamp(body: string): CommentStamp | undefined {
  const match = STAMP.exec(body);
  return match ? { headSha: match[1]!, updatedAt: match[2]! } : undefined;
}

const RULE_LABEL: Record<string, string> = {
  'missing-section': 'Missing',
  'empty-section': 'Empty',
  'placeholder-section': 'Still the template',
  'file-too-large': 'Not checked',
  'too-complex': 'Not checked',
  'not-text': 'Not checked',
};

export function renderStickyComment(verdict: Verdict, links: Links, stamp: CommentStamp, checkName: string, skipLabel: string, annotated = true): string {
  const head = [STICKY_MARKER, `<!-- specgate:stamp head=${stamp.headSha} updated=${stamp.updatedAt} -->`];
  // Skipped is not passed: a comment that said "failing" must not turn into "complete".
  if (verdict.state.skip) {
    return [...head, `### ⏭️ ${checkName}: ${verdict.title}`, '', skippedNote(skipLabel, verdict.state.skip.by, false), ''].join('\n');
  }
  if (verdict.conclusion !== 'failure' && verdict.conclusion !== 'neutral') {
    return [...head, `### ✅ ${checkName}: ${verdict.title}`, '', 'Every spec in this pull request has all the sections its template asks for.', ''].join('\n');
  }
  const lines = [...head, `### ❌ ${checkName}: ${verdict.title}`, ''];
  const { needingSpec } = verdict.state;
  if (needingSpec.length > 0) {
    const named = `${needingSpec.slice(0, 5).map((path) => `\`${path}\``).join(', ')}${needingSpec.length > 5 ? ', …' : ''}`;
    lines.push(`This pull request changes ${named}, which ${needingSpec.length === 1 ? 'needs' : 'need'} a spec, but adds or changes none.`, '');
  }
  const failing = verdict.report.files.filter((file) => fileStatus(file) === 'fail');
  if (failing.length > 0) {
    lines.push('| Spec | What is left to write |', '| --- | --- |');
    for (const file of failing) lines.push(`| [${file.path}](${links.repositoryUrl}/blob/${links.headSha}/${encodePath(file.path)}) | ${problems(file)} |`);
    if (annotated) lines.push('', 'Each problem is also an annotation on its line in the **Files changed** tab.');
  }
  return `${lines.join('\n')}\n`;
}

function problems(file: FileReport): string {
  const groups = new Map<string, string[]>();
  for (const finding of file.findings) {
    if (finding.severity !== 'error') continue;
    const label = RULE_LABEL[finding.rule] ?? finding.rule;
    const sections = groups.get(label) ?? [];
    if (!sections.includes(finding.section)) sections.push(finding.section);
    groups.set(label, sections);
  }
  return [...groups].map(([label, sections]) => `**${label}:** ${sections.join(', ').replace(/\|/g, '\\|')}`).join('<br>');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
