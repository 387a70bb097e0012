import type { Logger } from 'probot';
import { CONFIG_FILE } from './github/config-file.js';
import { renderConfigError, renderInternalError, renderTooManyFiles } from '../render/check-run.js';
import { withEverySpec } from '../github/spec-trees.js';
import { specSelector } from '../config/select.js';
import { decide, withNotices } from '../verdict/verdict.js';
import { defaultConfig } from '../config/load.js';
import { checkChangedSpecs, readBasics } from './gather.js';
import { whoAddedLabel } from './github/labels.js';
import type { RepoClient } from './github/repo.js';
import type { AppMemory } from './memory.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import { countFindings, type Metrics } from './observability.js';
import type { PullRequestRef } from './pull-request.js';
import { commentMemory, publish, publishProblem } from './publish.js';
import { applyRecordedWaivers } from './waivers.js';
import { filesOfCommit } from '../github/compare.js';

export type Outcome = 'success' | 'failure' | 'neutral' | 'skipped' | 'config-error' | 'error' | 'ignored';

export interface CheckRequest {
  client: RepoClient;
  pull: PullRequestRef;
  log: Logger;
  /** A label event: only the skip label changes anything, and when it is added we know who added it. */
  labelEvent?: { label: string; login: string; added: boolean };
  /** What this process remembers between events; without it every event reads and writes afresh. */
  memory?: AppMemory;
  metrics?: Metrics;
  /** Worker threads that check specs within time and memory limits; without it, specs are checked inline. */
  pool?: CheckPool;
}

/**
 * One pull request head, checked and published. Whatever fails, a completed check run is
 * posted for the head SHA, so a required gate never waits forever.
 */
export async function checkPullRequest({ client, pull, log, labelEvent, memory, metrics, pool }: CheckRequest): Promise<Outcome> {
  let checkName = defaultConfig().check_name;
  try {
    const { repoConfig, pullFiles: listed } = await readBasics(client, pull);
    const { loaded, source } = repoConfig;
    checkName = repoConfig.checkName;
    if (loaded.problems.length > 0) {
      await postConfigError(client, pull, checkName, loaded.problems, source, memory);
      return 'config-error';
    }
    const { config } = loaded;
    if (labelEvent && labelEvent.label !== config.skip_label) return 'ignored';
    if (listed.status === 'rejected') throw listed.reason;
    const { files: pullFiles, isHead } = await filesOfCommit(client, pull, listed.value);
    if (!isHead) log.info({ pull: pull.number, headSha: pull.headSha }, 'specgate: the pull request has moved past this commit: its own files are checked, and the conversation is left to the newest head');
    if (pull.labels.includes(config.skip_label)) {
      const by = labelEvent?.added ? labelEvent.login : await whoAddedLabel(client, pull.number, config.skip_label);
      const state = { draft: pull.draft, filesTruncated: false, needingSpec: [], skip: { by } };
      await publish(client, pull, withNotices(decide({ template: '', files: [] }, state, config), loaded.notices), [], config, log, memory);
      return 'skipped';
    }
    const every = await withEverySpec(client, pullFiles, { base: pull.baseSha, head: pull.headSha }, { specGlobs: config.paths, isSpec: specSelector(config) });
    if (every.kind === 'impossible') {
      await publishProblem(client, pull, checkName, renderTooManyFiles(every.reason, config.skip_label), memory);
      return 'failure';
    }
    const state = { draft: pull.draft, filesTruncated: every.listed.truncated, specsFromTrees: every.byTrees, needingSpec: [] as string[] };

    const checked = await checkChangedSpecs(client, loaded, every.listed, { source, memory, pool, pull });
    if (checked.kind === 'config-error') {
      await postConfigError(client, pull, checkName, checked.problems, source, memory);
      return 'config-error';
    }
    const remembered = commentMemory(memory, `${client.owner}/${client.repo}#${pull.number}`);
    const waived = await applyRecordedWaivers(client, pull.number, checked.specs, config, { conversation: isHead, memory: remembered });
    const report = { template: config.template ?? 'built-in', files: waived.specs.map((spec) => spec.report) };
    if (metrics) for (const spec of waived.specs) countFindings(metrics, spec.report.findings);
    const decided = withNotices(decide(report, { ...state, needingSpec: checked.needingSpec }, config), loaded.notices);
    const verdict = waived.summary.length > 0 ? { ...decided, waivers: waived.summary } : decided;
    const published = await publish(client, pull, verdict, waived.specs, config, log, memory, { conversation: isHead, ...(waived.found ? { found: waived.found } : {}) });
    log.info({ pull: pull.number, headSha: pull.headSha, conclusion: verdict.conclusion, ...published }, 'specgate: check published');
    return verdict.conclusion;
  } catch (error) {
    log.error({ err: error, pull: pull.number, headSha: pull.headSha }, 'specgate: check failed');
    // If GitHub refuses this write too, the error goes back to the webhook, which reports it.
    await publishProblem(client, pull, checkName, renderInternalError(describe(error)), memory);
    return 'error';
  }
}

/** A configuration the check cannot run with: a failing check run on the commit, pointing at the file. */
export async function postConfigError(
  client: RepoClient,
  pull: Pick<PullRequestRef, 'headSha' | 'repositoryUrl'>,
  checkName: string,
  problems: Array<{ line: number; message: string }>,
  source: { owner: string; repo: string; path: string },
  memory?: AppMemory,
): Promise<void> {
  const inThisRepository = source.owner === client.owner && source.repo === client.repo;
  const path = inThisRepository ? source.path : `${source.owner}/${source.repo}/${source.path}`;
  const base = inThisRepository ? pull.repositoryUrl : pull.repositoryUrl.replace(/[^/]+\/[^/]+$/, `${source.owner}/${source.repo}`);
  const url = `${base}/blob/HEAD/${source.path || CONFIG_FILE}`;
  await publishProblem(client, pull, checkName, renderConfigError(problems, { path, url, inThisRepository }), memory);
}

/** A reason a person can act on, never a stack trace or a token. */
export function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (status === 403 || status === 429) return 'GitHub refused a request (rate limit or missing permission).';
  if (status === 404) return 'GitHub answered "not found" for something the check needed; the app may lack access.';
  if (status !== undefined && status >= 500) return `GitHub answered ${status} after retries.`;
  return 'an unexpected error in specgate. The app logs have the details.';
}
