import type { Logger } from 'probot';
import type { LoadedConfig } from '../../config/load.js';
import { readConfig } from '../github/config-file.js';
import type { RepoClient } from '../github/repo.js';
import { pullRequestRef, type PullRequestRef } from '../pull-request.js';

/** What every command needs: the pull request as it is now, the configuration, and who asked. */
export interface CommandContext {
  client: RepoClient;
  pull: PullRequestRef & { headRef: string; fromFork: boolean };
  loaded: LoadedConfig;
  user: string;
  log: Logger;
}

export async function commandContext(client: RepoClient, number: number, user: string, log: Logger): Promise<CommandContext> {
  const [{ data }, { loaded }] = await Promise.all([
    client.octokit.rest.pulls.get({ owner: client.owner, repo: client.repo, pull_number: number }),
    readConfig(client),
  ]);
  const fromFork = data.head.repo?.full_name !== data.base.repo.full_name;
  return { client, pull: { ...pullRequestRef(data), headRef: data.head.ref, fromFork }, loaded, user, log };
}
