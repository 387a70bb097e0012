import { ANNOTATIONS_PER_REQUEST, type CheckRunOutput } from '../../render/check-run.js';
import type { Conclusion } from '../../verdict/verdict.js';
import { fingerprint } from '../memory.js';
import type { RepoClient } from './repo.js';

export interface CheckRunResult {
  name: string;
  headSha: string;
  conclusion: Conclusion;
  output: CheckRunOutput;
}

/**
 * Posts a check run already completed, so no failure later in the run can leave it
 * "in progress". The first 50 annotations ride on the create; further batches are appended
 * with updates, which GitHub adds to the ones already there.
 */
export async function postCheckRun(client: RepoClient, result: CheckRunResult, posted?: PostedCheckRuns): Promise<number> {
  // The same result for the same commit is already on GitHub: writes cost the most, so skip it.
  const key = `${client.owner}/${client.repo}@${result.headSha}:${result.name}`;
  const print = fingerprint(result.conclusion, result.output);
  if (posted?.get(key) === print) return 0;
  // Forgotten first: if this write fails halfway, the next attempt must write again.
  posted?.delete(key);
  const { title, summary, annotations } = result.output;
  const batches: Array<typeof annotations> = [];
  for (let start = 0; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const { data } = await client.octokit.rest.checks.create({
    owner: client.owner,
    repo: client.repo,
    name: result.name,
    head_sha: result.headSha,
    status: 'completed',
    conclusion: result.conclusion,
    output: { title, summary, ...(first.length > 0 ? { annotations: first } : {}) },
  });
  for (const batch of rest) {
    await client.octokit.rest.checks.update({
      owner: client.owner,
      repo: client.repo,
      check_run_id: data.id,
      output: { title, summary, annotations: batch },
    });
  }
  posted?.set(key, print);
  return data.id;
}

/** The last result this process posted per repository, commit and check name. */
export interface PostedCheckRuns {
  get(key: string): string | undefined;
  set(key: string, print: string): unknown;
  delete(key: string): unknown;
}
