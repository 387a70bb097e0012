import type { Logger } from 'probot';
import { decide, withNotices } from '../verdict/verdict.js';
import { readBasics } from './gather.js';
import { whoAddedLabel } from './github/labels.js';
import type { RepoClient } from './github/repo.js';
import { pullKey, type AppMemory } from './memory.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import type { Metrics } from './observability.js';
import type { PullRequestRef } from './pull-request.js';
import { commentMemory, publish } from './publish.js';
import { applyRecordedWaivers } from './waivers.js';
import type { SpecReport } from './gather.js';
import { filesOfCommit } from '../github/compare.js';
import { guardCheck, judgeChanges, type Outcome } from './check-changes.js';

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
  const target = { client, commit: pull, log, ...(memory ? { memory } : {}) };
  const failure = { message: 'specgate: check failed', fields: { pull: pull.number, headSha: pull.headSha } };
  return guardCheck(target, failure, async (configured) => {
    const { repoConfig, pullFiles: listed } = await readBasics(client, pull);
    if (!(await configured(repoConfig))) return 'config-error';
    const { loaded } = repoConfig;
    const { config } = loaded;
    if (labelEvent && labelEvent.label !== config.skip_label) return 'ignored';
    if (listed.status === 'rejected') throw listed.reason;
    const { files: pullFiles, isHead, commits } = await filesOfCommit(client, pull, listed.value);
    if (!isHead) log.info({ pull: pull.number, headSha: pull.headSha }, 'specgate: the pull request has moved past this commit: its own files are checked, and the conversation is left to the newest head');
    if (pull.labels.includes(config.skip_label)) {
      const by = labelEvent?.added ? labelEvent.login : await whoAddedLabel(client, pull.number, config.skip_label);
      const state = { draft: pull.draft, filesTruncated: false, needingSpec: [], skip: { by } };
      await publish(client, pull, withNotices(decide({ template: '', files: [] }, state, config), loaded.notices), [], config, log, memory);
      return 'skipped';
    }
    const remembered = commentMemory(memory, pullKey(client, pull.number));
    const waive = (specs: SpecReport[]) => applyRecordedWaivers(client, pull.number, specs, config, { conversation: isHead, memory: remembered });
    const options = { commits, draft: pull.draft, pull, waive, ...(pool ? { pool } : {}), ...(metrics ? { metrics } : {}) };
    const judged = await judgeChanges(target, repoConfig, pullFiles, options);
    if (judged.kind === 'posted') return judged.outcome;
    const { verdict } = judged;
    const published = await publish(client, pull, verdict, judged.specs, config, log, memory, { conversation: isHead, ...(judged.found ? { found: judged.found } : {}) });
    log.info({ pull: pull.number, headSha: pull.headSha, conclusion: verdict.conclusion, ...published }, 'specgate: check published');
    return verdict.conclusion;
  });
}
