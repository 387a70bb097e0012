/**
 * What a pull request's check and a merge group's share: the configuration's problems and any
 * failure end as a completed check run on the head commit (a required gate never waits forever),
 * and the changed files become a verdict, or the failing check run of what stopped them.
 */
import type { FoundComment } from '../github/sticky-comment.js';
import type { Waived } from './waivers.js';
import type { Logger } from 'probot';
import { defaultConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';
import type { Commits, ListedFiles } from '../github/compare.js';
import { statusOf } from '../github/contents.js';
import { withEverySpec } from '../github/spec-trees.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import { renderConfigError, renderInternalError, renderTooManyFiles } from '../render/check-run.js';
import { decide, withNotices, type Verdict } from '../verdict/verdict.js';
import { checkChangedSpecs, type SpecReport } from './gather.js';
import { CONFIG_FILE, type RepoConfig } from './github/config-file.js';
import type { RepoClient } from './github/repo.js';
import type { AppMemory } from './memory.js';
import { countFindings, type Metrics } from './observability.js';
import type { PullRequestRef } from './pull-request.js';
import { publishProblem } from './publish.js';

export type Outcome = 'success' | 'failure' | 'neutral' | 'skipped' | 'config-error' | 'error' | 'ignored';

/** The commit a check run goes on, and its repository's web address for links. */
export type HeadCommit = Pick<PullRequestRef, 'headSha' | 'repositoryUrl'>;

export interface CheckTarget {
  client: RepoClient;
  commit: HeadCommit;
  log: Logger;
  memory?: AppMemory;
}

/**
 * Names the check run as the configuration names it, and posts the configuration's problems, if it
 * has any, as a failing check run: false then, and the check goes no further.
 */
export type Configured = (repoConfig: RepoConfig) => Promise<boolean>;

/**
 * Runs a check. Whatever fails, a failing check run is posted for the head commit, under the name
 * the configuration gave once it was read (the default before): branch protection waits for it.
 */
export async function guardCheck(
  { client, commit, log, memory }: CheckTarget,
  failure: { message: string; fields: Record<string, unknown> },
  check: (configured: Configured) => Promise<Outcome>,
): Promise<Outcome> {
  let checkName = defaultConfig().check_name;
  const configured: Configured = async ({ loaded, source, checkName: named }) => {
    checkName = named;
    if (loaded.problems.length === 0) return true;
    await postConfigError(client, commit, checkName, loaded.problems, source, memory);
    return false;
  };
  try {
    return await check(configured);
  } catch (error) {
    log.error({ err: error, ...failure.fields }, failure.message);
    // If GitHub refuses this write too, the error goes back to the webhook, which reports it.
    await publishProblem(client, commit, checkName, renderInternalError(describe(error)), memory);
    return 'error';
  }
}

export type Judged = { kind: 'verdict'; verdict: Verdict; specs: SpecReport[]; found?: FoundComment } | { kind: 'posted'; outcome: Outcome };

export interface JudgeOptions {
  /** The commits the file list compares: past GitHub's listing limit, their trees are compared. */
  commits: Commits;
  draft: boolean;
  /** A pull request: its description's links are checked too, at its head. */
  pull?: Pick<PullRequestRef, 'headSha' | 'body'>;
  pool?: CheckPool;
  metrics?: Metrics;
  /** The waivers the pull request's comment records, applied to the checked specs before the verdict. */
  waive?: (specs: SpecReport[]) => Promise<Waived<SpecReport>>;
}

/**
 * The changed files, judged: every spec among them, checked, and the verdict. What stops that
 * (more files than GitHub lists and the trees can tell, a configuration problem found while
 * checking: a template that does not exist) is posted as a failing check run instead.
 */
export async function judgeChanges(
  { client, commit, memory }: CheckTarget,
  repoConfig: RepoConfig,
  listed: ListedFiles,
  { commits, draft, pull, pool, metrics, waive }: JudgeOptions,
): Promise<Judged> {
  const { loaded, source, checkName } = repoConfig;
  const { config } = loaded;
  const every = await withEverySpec(client, listed, commits, { specGlobs: config.paths, isSpec: specSelector(config) });
  if (every.kind === 'impossible') {
    await publishProblem(client, commit, checkName, renderTooManyFiles(every.reason, config.skip_label), memory);
    return { kind: 'posted', outcome: 'failure' };
  }
  // The base commit: with `enforce: new-problems`, each spec is also checked as it was there.
  const checked = await checkChangedSpecs(client, loaded, every.listed, { source, memory, pool, baseSha: commits.base, ...(pull ? { pull } : {}) });
  if (checked.kind === 'config-error') {
    await postConfigError(client, commit, checkName, checked.problems, source, memory);
    return { kind: 'posted', outcome: 'config-error' };
  }
  const waived: Waived<SpecReport> = waive ? await waive(checked.specs) : { specs: checked.specs, summary: [] };
  const report = { template: config.template ?? 'built-in', files: waived.specs.map((spec) => spec.report) };
  if (metrics) for (const spec of waived.specs) countFindings(metrics, spec.report.findings);
  const state = { draft, filesTruncated: every.listed.truncated, specsFromTrees: every.byTrees, needingSpec: checked.needingSpec };
  const decided = withNotices(decide(report, state, config), loaded.notices);
  const verdict = waived.summary.length > 0 ? { ...decided, waivers: waived.summary } : decided;
  return { kind: 'verdict', verdict, specs: waived.specs, ...(waived.found ? { found: waived.found } : {}) };
}

/** A configuration the check cannot run with: a failing check run on the commit, pointing at the file. */
async function postConfigError(
  client: RepoClient,
  commit: HeadCommit,
  checkName: string,
  problems: Array<{ line: number; message: string }>,
  source: { owner: string; repo: string; path: string },
  memory?: AppMemory,
): Promise<void> {
  const inThisRepository = source.owner === client.owner && source.repo === client.repo;
  const path = inThisRepository ? source.path : `${source.owner}/${source.repo}/${source.path}`;
  const base = inThisRepository ? commit.repositoryUrl : commit.repositoryUrl.replace(/[^/]+\/[^/]+$/, `${source.owner}/${source.repo}`);
  const url = `${base}/blob/HEAD/${source.path || CONFIG_FILE}`;
  await publishProblem(client, commit, checkName, renderConfigError(problems, { path, url, inThisRepository }), memory);
}

/** A reason a person can act on, never a stack trace or a token. */
function describe(error: unknown): string {
  const status = statusOf(error);
  if (status === 403 || status === 429) return 'GitHub refused a request (rate limit or missing permission).';
  if (status === 404) return 'GitHub answered "not found" for something the check needed; the app may lack access.';
  if (status !== undefined && status >= 500) return `GitHub answered ${status} after retries.`;
  return 'an unexpected error in specgate. The app logs have the details.';
}
