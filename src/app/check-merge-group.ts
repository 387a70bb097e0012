import type { Logger } from 'probot';
import { defaultConfig } from '../config/load.js';
import { compareCommits } from '../github/compare.js';
import { renderCheckRun, renderInternalError, renderTooManyFiles } from '../render/check-run.js';
import { withEverySpec } from '../github/spec-trees.js';
import { specSelector } from '../config/select.js';
import { decide, withNotices } from '../verdict/verdict.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import { describe, postConfigError, type Outcome } from './check-pull-request.js';
import { readConfig } from './github/config-file.js';
import { postCheckRun } from './github/check-runs.js';
import type { RepoClient } from './github/repo.js';
import { checkChangedSpecs } from './gather.js';
import type { AppMemory } from './memory.js';
import { publishProblem } from './publish.js';

/** What a `merge_group.checks_requested` delivery names: the commit to judge and what it was built on. */
export interface MergeGroupRef {
  headSha: string;
  baseSha: string;
  repositoryUrl: string;
}

export interface MergeGroupRequest {
  client: RepoClient;
  group: MergeGroupRef;
  log: Logger;
  memory?: AppMemory;
  pool?: CheckPool;
}

/**
 * A merge queue waits for every required check on the merge group's head commit, and an app that
 * does not answer stalls it. The verdict is for the specs that differ between the group's base
 * and head: the specs its pull requests change, already checked on each pull request, so their
 * blobs and findings usually come from memory. Only the check run is written: a merge group has
 * no conversation.
 */
export async function checkMergeGroup({ client, group, log, memory, pool }: MergeGroupRequest): Promise<Outcome> {
  let checkName = defaultConfig().check_name;
  try {
    const [repoConfig, comparison] = await Promise.all([readConfig(client), compareCommits(client, group.baseSha, group.headSha)]);
    const { loaded, source } = repoConfig;
    checkName = repoConfig.checkName;
    if (loaded.problems.length > 0) {
      await postConfigError(client, group, checkName, loaded.problems, source, memory);
      return 'config-error';
    }
    const { config } = loaded;
    const listed = { files: comparison.files, truncated: !comparison.complete };
    const commits = { base: group.baseSha, head: group.headSha, mergeBase: comparison.mergeBase };
    const every = await withEverySpec(client, listed, commits, { specGlobs: config.paths, isSpec: specSelector(config) });
    if (every.kind === 'impossible') {
      await publishProblem(client, group, checkName, renderTooManyFiles(every.reason, config.skip_label), memory);
      return 'failure';
    }
    const checked = await checkChangedSpecs(client, loaded, every.listed, { source, memory, pool, baseSha: group.baseSha });
    if (checked.kind === 'config-error') {
      await postConfigError(client, group, checkName, checked.problems, source, memory);
      return 'config-error';
    }
    const report = { template: config.template ?? 'built-in', files: checked.specs.map((spec) => spec.report) };
    const state = { draft: false, filesTruncated: every.listed.truncated, specsFromTrees: every.byTrees, needingSpec: checked.needingSpec };
    const verdict = withNotices(decide(report, state, config), loaded.notices);
    const output = renderCheckRun(verdict, { repositoryUrl: group.repositoryUrl, headSha: group.headSha }, config.skip_label, { annotate: config.annotations });
    await postCheckRun(client, { name: config.check_name, headSha: group.headSha, conclusion: verdict.conclusion, output }, memory?.checkRuns);
    log.info({ headSha: group.headSha, conclusion: verdict.conclusion, specs: checked.specs.length }, 'specgate: merge group checked');
    return verdict.conclusion;
  } catch (error) {
    log.error({ err: error, headSha: group.headSha }, 'specgate: merge group check failed');
    await publishProblem(client, group, checkName, renderInternalError(describe(error)), memory);
    return 'error';
  }
}
