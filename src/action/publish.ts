/**
 * The run's results, where the workflow shows them: annotations, the job summary, the sticky
 * comment and the step outputs; and the exit status, which is the gate.
 */
import type { ConfigProblem, LoadedConfig, SpecgateConfig } from '../config/load.js';
import { statusOf } from '../github/contents.js';
import { writeStickyComment, type CommentWritten } from '../github/sticky-comment.js';
import { renderConfigError, renderTooManyFiles, type Links } from '../render/check-run.js';
import { renderStickyComment } from '../render/sticky-comment.js';
import { fileStatus, summarize } from '../verdict/report.js';
import { withNotices, type Verdict } from '../verdict/verdict.js';
import type { RepoConfig } from './config.js';
import type { PullRequestContext } from './environment.js';
import { describeError, type ApiClient } from './github.js';
import type { ActionRun, Checked } from './run-state.js';
import { icon, jobSummary, problemSummary } from './summary.js';

/** Annotations of one level that GitHub shows for a step; the rest stay in the log only. */
const ANNOTATIONS_SHOWN = 10;

export async function publishVerdict(run: ActionRun, checked: Extract<Checked, { kind: 'checked' }>, loaded: LoadedConfig): Promise<number> {
  const { workflow, context, checkName } = run;
  const { config } = loaded;
  const verdict = withNotices(checked.verdict, loaded.notices);
  for (const notice of loaded.notices ?? []) workflow.warning(`specgate: ${notice.message}`, { title: 'specgate configuration' });
  const headSha = context.pull?.headSha ?? context.mergeGroup?.headSha ?? context.sha;
  const links: Links = { repositoryUrl: context.repositoryUrl, headSha };

  if (config.annotations) workflow.annotate(verdict.report);
  const counted = summarize(verdict.report);
  if (counted.errors > ANNOTATIONS_SHOWN || counted.warnings > ANNOTATIONS_SHOWN || counted.notices > ANNOTATIONS_SHOWN) {
    workflow.info(`GitHub shows only the first ${ANNOTATIONS_SHOWN} annotations of each level a step prints; the job summary lists the problems of every spec.`);
  }
  workflow.info(`${icon(verdict.conclusion, verdict.state.skip !== undefined)} ${checkName}: ${verdict.title}`);
  if (verdict.conclusion === 'neutral') workflow.info('This is a draft: problems are reported without failing the step until it is ready for review (draft: neutral).');

  let commentUrl = '';
  if (!run.conversation) workflow.info('Sticky comment: left to the run for the newest head.');
  else if (context.pull && run.client && config.comment !== 'never') commentUrl = await comment(run, context.pull, run.client, verdict, links, config);
  else if (context.pull && config.comment !== 'never') workflow.info('Sticky comment: none (no github-token).');

  workflow.appendSummary(jobSummary(verdict, links, { checkName, skipLabel: config.skip_label, notes: checked.notes, ...(checked.emptyText === undefined ? {} : { emptyText: checked.emptyText }) }));
  setOutputs(run, {
    conclusion: verdict.conclusion,
    title: verdict.title,
    errors: String(counted.errors),
    warnings: String(counted.warnings),
    specs: String(counted.files),
    'failed-files': JSON.stringify(verdict.report.files.filter((file) => fileStatus(file) === 'fail').map((file) => file.path)),
    'comment-url': commentUrl,
  });
  return exitCode(run, verdict.conclusion === 'failure');
}

/** The sticky comment, written as the app writes it; the comment's address, or '' when there is none. */
async function comment(run: ActionRun, pull: PullRequestContext, client: ApiClient, verdict: Verdict, links: Links, config: SpecgateConfig): Promise<string> {
  const { workflow } = run;
  const { skip_label: skipLabel, comment: mode, annotations: annotated } = config;
  const stamp = { headSha: pull.headSha, updatedAt: pull.updatedAt };
  const body = renderStickyComment(verdict, links, stamp, run.checkName, skipLabel, annotated);
  const createIfMissing = verdict.conclusion === 'failure' || (mode === 'always' && !verdict.state.skip);
  let result: CommentWritten;
  try {
    result = await writeStickyComment(client, pull.number, body, stamp, { createIfMissing });
  } catch (error) {
    // The token may not comment (403): a pull request from a fork gets a read-only token.
    if (statusOf(error) === 403) {
      workflow.notice(
        `The token may not comment on this pull request (HTTP 403${pull.fromFork ? ': a pull request from a fork gets a read-only token' : '; give the job "pull-requests: write"'}). The job summary and the annotations have the results.`,
        { title: 'specgate comment' },
      );
    } else {
      workflow.warning(`specgate could not write the sticky comment: ${describeError(error)}. The job summary and the annotations have the results.`, { title: 'specgate comment' });
    }
    return '';
  }
  switch (result.action) {
    case 'none':
      workflow.info('Sticky comment: none (nothing to say yet).');
      return '';
    case 'stale':
      workflow.info(`Sticky comment: left alone, it describes a later push${at(result.url)}.`);
      return result.url;
    default:
      workflow.info(`Sticky comment: ${result.action}${at(result.url)}.`);
      return result.url;
  }
}

export function publishConfigError(run: ActionRun, repoConfig: RepoConfig, problems: ConfigProblem[]): number {
  const { workflow, context, inputs } = run;
  const source = repoConfig.source;
  const inThisRepository = source?.inThisRepository ?? true;
  const path = source ? (inThisRepository ? source.path : `${source.owner}/${source.repo}/${source.path}`) : inputs.configPath;
  const views = problems.map((problem) => {
    // A setting the inputs gave is the workflow's to fix, not the file's.
    const input = inputFor(run, problem.key);
    return input === undefined ? problem : { ...problem, line: 0, message: `The input "${input}": ${problem.message}` };
  });
  for (const problem of views) {
    const inFile = problem.line > 0 && source !== undefined && inThisRepository;
    workflow.error(inFile ? problem.message : problem.line > 0 ? `${path}:${problem.line}: ${problem.message}` : problem.message, {
      title: 'specgate configuration',
      ...(inFile ? { file: source.path, line: problem.line } : {}),
    });
  }
  const base = inThisRepository ? context.repositoryUrl : context.repositoryUrl.replace(/[^/]+\/[^/]+$/, `${source!.owner}/${source!.repo}`);
  const output = renderConfigError(
    views.map((problem) => ({ line: Math.max(problem.line, 1), message: problem.message })),
    { path, url: `${base}/blob/HEAD/${source?.path ?? inputs.configPath}`, inThisRepository },
  );
  workflow.info(`❌ ${run.checkName}: ${output.title}`);
  return publishProblem(run, output.title, output.summary);
}

function inputFor(run: ActionRun, key: string): string | undefined {
  const { overrides } = run.inputs;
  if (key === 'template' && overrides.template !== undefined) return 'template';
  if (key.startsWith('paths') && overrides.paths !== undefined) return 'paths';
  return undefined;
}

export function publishTooManyFiles(run: ActionRun, reason: string, skipLabel: string): number {
  const { title, summary } = renderTooManyFiles(reason, skipLabel);
  run.workflow.error(`${title}: ${summary.split('\n')[0]}`, { title: 'specgate' });
  return publishProblem(run, title, summary);
}

export function publishInternalError(run: ActionRun, error: unknown): number {
  const reason = describeError(error);
  const title = 'specgate could not finish the check';
  run.workflow.error(`${title}: ${reason}`, { title: 'specgate' });
  return publishProblem(run, title, `The check stopped before it could judge the specs: ${reason}\n\nRe-run the job to try again.`);
}

/** A problem that stopped the check: the job summary says what, the outputs say failure, the step fails. */
function publishProblem(run: ActionRun, title: string, summary: string): number {
  run.workflow.appendSummary(problemSummary(run.checkName, title, summary, run.notes));
  setOutputs(run, { conclusion: 'failure', title, errors: '0', warnings: '0', specs: '0', 'failed-files': '[]', 'comment-url': '' });
  return 1;
}

function setOutputs(run: ActionRun, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) run.workflow.setOutput(name, value);
}

function exitCode(run: ActionRun, failed: boolean): number {
  if (!failed) return 0;
  if (run.inputs.failOn === 'never') {
    run.workflow.info('fail-on: never, so the step passes all the same.');
    return 0;
  }
  return 1;
}

function at(url: string): string {
  return url === '' ? '' : ` (${url})`;
}
