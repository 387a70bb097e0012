import type { Context } from 'probot';
import { parseCommand, USAGE, type Command } from '../../commands/parse.js';
import { checkPullRequest } from '../check-pull-request.js';
import { canWrite, permissionOf } from '../github/permissions.js';
import type { RepoClient } from '../github/repo.js';
import { pullKey, type AppMemory } from '../memory.js';
import { commentMemory } from '../publish.js';
import { commandContext, type CommandContext } from './context.js';
import { helpReply } from './help.js';
import { skipCheck } from './skip.js';
import { CommandFailure } from './templates.js';
import { unwaiveSection, waiveSection } from './waive.js';
import { fillSpec, newSpec } from './write-spec.js';

type Reaction = 'eyes' | '+1' | 'confused';

const PRIVILEGED: Record<string, string> = { new: 'write', fill: 'write', skip: 'write, maintain or admin' };

/** Runs work for one pull request after any other work for it, as the app's webhook handlers do. */
export type Serialize = <T>(client: RepoClient, pullNumber: number, work: () => Promise<T>) => Promise<T>;

/** `issue_comment.created`: a `/spec-template` command, acknowledged with 👀 and answered with 👍 or 😕. */
export async function handleCommentCommand(context: Context<'issue_comment.created'>, serialize: Serialize, memory?: AppMemory): Promise<void> {
  const { comment, issue, sender } = context.payload;
  // Bots never command us, this app included: no loops, and no bot can lift the gate.
  if (sender.type === 'Bot' || comment.user?.type === 'Bot' || comment.performed_via_github_app) return;
  const command = parseCommand(comment.body);
  if (!command) return;
  const { owner, repo } = context.repo();
  const client: RepoClient = { octokit: context.octokit, owner, repo };
  const reply = (body: string) => client.octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body });
  const react = (content: Reaction) => client.octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content });

  if (!issue.pull_request) {
    await reply(`@${sender.login}, \`/spec-template\` works on pull requests, where it checks and fills specs. This is an issue.`);
    return;
  }
  await react('eyes');
  try {
    const answer = await serialize(client, issue.number, () => run(command, client, issue.number, sender.login, context, memory));
    if (answer) await reply(answer);
    await react(command.name === 'unknown' ? 'confused' : '+1');
  } catch (error) {
    const known = error instanceof CommandFailure;
    if (!known) context.log.error({ err: error, command: command.name }, 'specgate: command failed');
    await reply(`@${sender.login}, ${known ? error.message : 'specgate could not finish this command because of an error on its side; try again later.'}`);
    await react('confused');
  }
}

async function run(command: Command, client: RepoClient, number: number, user: string, context: Context, memory?: AppMemory): Promise<string | undefined> {
  if (command.name === 'unknown') return `@${user}, \`${command.word}\` is not a \`/spec-template\` command. These are:\n\n${USAGE}`;
  const needed = PRIVILEGED[command.name];
  if (needed) {
    // Asked of GitHub on every privileged command; nothing else happens when it is refused.
    const permission = await permissionOf(client, user);
    if (!canWrite(permission)) {
      throw new CommandFailure(`\`/spec-template ${command.name}\` needs ${needed} permission on this repository; you have ${permission}.`);
    }
  }
  const commandContextValue: CommandContext = await commandContext(client, number, user, context.log);
  if (commandContextValue.loaded.problems.length > 0 && command.name !== 'help' && command.name !== 'check') {
    throw new CommandFailure('`.github/specgate.yml` on the default branch has errors; the check run lists them. Fix it first.');
  }
  switch (command.name) {
    case 'help':
      return helpReply(commandContextValue);
    case 'check':
      await checkPullRequest({ client, pull: commandContextValue.pull, log: context.log, memory });
      return undefined;
    case 'new':
      return newSpec(commandContextValue, command.argument);
    case 'fill':
      return fillSpec(commandContextValue, command.argument);
    case 'skip':
      await skipCheck(commandContextValue, command.argument, memory);
      return undefined;
    case 'waive':
    case 'unwaive': {
      const answer = command.name === 'waive' ? await waiveSection(commandContextValue, command.argument) : await unwaiveSection(commandContextValue, command.argument);
      // The comment changed behind this process's memory of it; then the check runs again under the new record.
      commentMemory(memory, pullKey(client, number))?.forget();
      await checkPullRequest({ client, pull: commandContextValue.pull, log: context.log, memory });
      return answer;
    }
  }
}

