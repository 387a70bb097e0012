import type { SpecgateConfig } from '../config/load.js';
import { plural, summarize, type Report } from './report.js';

export type Conclusion = 'success' | 'failure' | 'neutral';

/** What the pull request itself says about how to judge it. */
export interface PullRequestState {
  draft: boolean;
  /** Set when the skip label is on the pull request, with who put it there when GitHub says. */
  skip?: { by?: string };
  /** The file list stopped at GitHub's limit, so some files were never seen. */
  filesTruncated: boolean;
  /** The file list was cut short, and every other changed spec was found by comparing the trees. */
  specsFromTrees?: boolean;
  /** Files that need a spec under `require_spec` when no spec changed. */
  needingSpec: string[];
}

/** The gate's decision, shared by the app and the Action. */
export interface Verdict {
  conclusion: Conclusion;
  title: string;
  report: Report;
  state: PullRequestState;
  /** Settings of the repository's configuration that an inherited configuration's locks overrode. */
  notices?: string[];
  /** Waivers in force, and those a change to their section ended: the check summary lists them. */
  waivers?: string[];
}

export function decide(report: Report, state: PullRequestState, config: SpecgateConfig): Verdict {
  const verdict = (conclusion: Conclusion, title: string): Verdict => ({ conclusion, title, report, state });
  if (state.skip) return verdict('success', `Skipped by label "${config.skip_label}"`);

  const summary = summarize(report);
  let result: Verdict;
  if (state.needingSpec.length > 0) {
    result = verdict('failure', `A spec is required: ${plural(state.needingSpec.length, 'changed file')} ${state.needingSpec.length === 1 ? 'needs' : 'need'} one`);
  } else if (summary.files === 0) {
    result = verdict('success', 'No spec files changed');
  } else if (summary.errors > 0) {
    result = verdict('failure', `${summary.failed} of ${plural(summary.files, 'spec')} incomplete: ${counts(summary.errors, summary.warnings)}`);
  } else {
    const warnings = summary.warnings > 0 ? ` (${plural(summary.warnings, 'warning')})` : '';
    result = verdict('success', `${summary.files === 1 ? 'The spec is' : `All ${summary.files} specs are`} complete${warnings}`);
  }
  // A draft is work in progress: show what is missing without blocking anything yet.
  if (state.draft && result.conclusion === 'failure' && config.draft === 'neutral') {
    return { ...result, conclusion: 'neutral', title: `Draft: ${result.title}` };
  }
  return result;
}

/** The verdict with the configuration's notices, which every summary lists under its table. */
export function withNotices(verdict: Verdict, notices: ReadonlyArray<{ message: string }> | undefined): Verdict {
  return notices && notices.length > 0 ? { ...verdict, notices: notices.map((notice) => notice.message) } : verdict;
}

function counts(errors: number, warnings: number): string {
  return warnings > 0 ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : plural(errors, 'error');
}
