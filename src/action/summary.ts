/** The job summary ($GITHUB_STEP_SUMMARY): the same table as the app's check run, under a heading. */
import { renderCheckRun, type Links } from '../render/check-run.js';
import type { Conclusion, Verdict } from '../verdict/verdict.js';

export function icon(conclusion: Conclusion, skipped = false): string {
  if (skipped) return '⏭️';
  return conclusion === 'success' ? '✅' : conclusion === 'neutral' ? '⚪' : '❌';
}

export interface SummaryOptions {
  checkName: string;
  skipLabel: string;
  /** Lines under the table: where the configuration and the specs were read from. */
  notes: string[];
  /** Replaces the table's text when nothing was checked outside a pull request. */
  emptyText?: string;
}

export function jobSummary(verdict: Verdict, links: Links, options: SummaryOptions): string {
  const heading = `## ${icon(verdict.conclusion, verdict.state.skip !== undefined)} ${options.checkName}: ${verdict.title}`;
  const body = options.emptyText ?? renderCheckRun(verdict, links, options.skipLabel).summary;
  return [heading, '', body, '', ...notes(options.notes)].join('\n');
}

/** A summary for a run that stopped before judging the specs (configuration or internal error). */
export function problemSummary(checkName: string, title: string, body: string, noteLines: string[]): string {
  return [`## ❌ ${checkName}: ${title}`, '', body, '', ...notes(noteLines)].join('\n');
}

function notes(lines: string[]): string[] {
  return lines.length === 0 ? [] : [lines.map((line) => `<sub>${line}</sub>`).join('<br>\n'), ''];
}
