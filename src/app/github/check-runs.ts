import { ANNOTATIONS_PER_REQUEST, type CheckRunOutput } from '../../render/check-run.js';
import type { Conclusion } from '../../verdict/verdict.js';
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
export async function postCheckRun(client: RepoClient, result: CheckRunResult): Promise<number> {
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
  return data.id;
}
