import type { Logger } from 'probot';
import { changesOf, compareCommits } from '../github/compare.js';
import { renderCheckRun } from '../render/check-run.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import { guardCheck, judgeChanges, type Outcome } from './check-changes.js';
import { readConfig } from './github/config-file.js';
import { postCheckRun } from './github/check-runs.js';
import type { RepoClient } from './github/repo.js';
import type { AppMemory } from './memory.js';

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
  const target = { client, commit: group, log, ...(memory ? { memory } : {}) };
  const failure = { message: 'specgate: merge group check failed', fields: { headSha: group.headSha } };
  return guardCheck(target, failure, async (configured) => {
    const [repoConfig, comparison] = await Promise.all([readConfig(client), compareCommits(client, group.baseSha, group.headSha)]);
    if (!(await configured(repoConfig))) return 'config-error';
    const { config } = repoConfig.loaded;
    const { listed, commits } = changesOf(comparison, group.baseSha, group.headSha);
    const judged = await judgeChanges(target, repoConfig, listed, { commits, draft: false, ...(pool ? { pool } : {}) });
    if (judged.kind === 'posted') return judged.outcome;
    const { verdict } = judged;
    const output = renderCheckRun(verdict, { repositoryUrl: group.repositoryUrl, headSha: group.headSha }, config.skip_label, { annotate: config.annotations });
    await postCheckRun(client, { name: config.check_name, headSha: group.headSha, conclusion: verdict.conclusion, output }, memory?.checkRuns);
    log.info({ headSha: group.headSha, conclusion: verdict.conclusion, specs: judged.specs.length }, 'specgate: merge group checked');
    return verdict.conclusion;
  });
}
