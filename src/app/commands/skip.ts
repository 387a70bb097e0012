import { postCheckRun } from '../github/check-runs.js';
import type { AppMemory } from '../memory.js';
import type { CommandContext } from './context.js';
import { CommandFailure } from './templates.js';

/** `/spec-template skip REASON`: passes the check for the current head only; the next push is checked again. */
export async function skipCheck(context: CommandContext, reason: string, memory?: AppMemory): Promise<void> {
  if (reason.trim() === '') throw new CommandFailure('Give a reason: `/spec-template skip REASON`. It is shown in the check run.');
  const { client, pull, user, loaded } = context;
  await postCheckRun(client, {
    name: loaded.config.check_name,
    headSha: pull.headSha,
    conclusion: 'success',
    output: {
      title: `Skipped by @${user}`,
      summary: `@${user} skipped the spec check for ${pull.headSha.slice(0, 7)}: ${reason.trim()}\n\nThe next push is checked as usual.`,
      annotations: [],
    },
  }, memory?.checkRuns);
}
