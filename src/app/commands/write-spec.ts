import { checkSpec } from '../../core/check.js';
import { insertMissingSections } from '../../core/fill.js';
import { specPathFrom } from '../../commands/spec-path.js';
import { fenced } from '../../render/markdown.js';
import { readBranchFile, writeBranchFile } from '../github/branch-files.js';
import { statusOf } from '../github/repo.js';
import type { CommandContext } from './context.js';
import { CommandFailure, effectiveTemplate } from './templates.js';

/** `/spec-template new PATH`: a new spec from the template, committed on the pull request's branch. */
export async function newSpec(context: CommandContext, argument: string): Promise<string> {
  const { client, pull, user } = context;
  const path = safePath(context, argument);
  const template = await effectiveTemplate(client, context.loaded, path);
  if (pull.fromFork) {
    return `@${user}, specgate cannot push to a fork. Here is \`${path}\` from the template (\`${template.name}\`) to commit yourself:\n\n${fenced(template.text, 'markdown')}`;
  }
  if (await readBranchFile(client, path, pull.headRef)) throw new CommandFailure(`\`${path}\` already exists on \`${pull.headRef}\`. Use \`/spec-template fill ${path}\` to add what it is missing.`);
  const commit = await write(context, { path, text: template.text, message: `Add ${path} from the spec template\n\n/spec-template new, asked by @${user}.` });
  return `@${user}, created \`${path}\` from the template (\`${template.name}\`) in ${commit}. Write each section in place of its guidance.`;
}

/** `/spec-template fill PATH`: the missing sections inserted at their template positions, existing text untouched. */
export async function fillSpec(context: CommandContext, argument: string): Promise<string> {
  const { client, pull, user } = context;
  const path = safePath(context, argument);
  const file = await readBranchFile(client, path, pull.fromFork ? pull.headSha : pull.headRef);
  if (!file) throw new CommandFailure(`\`${path}\` does not exist on this pull request's branch. \`/spec-template new ${path}\` creates it.`);
  let original: string;
  try {
    // Keep a BOM as a character, so the text written back starts with the same bytes.
    original = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
  } catch {
    throw new CommandFailure(`\`${path}\` is not UTF-8 text, so specgate will not edit it.`);
  }
  const template = await effectiveTemplate(client, context.loaded, path);
  const missing = checkSpec(original, template.policy).filter((finding) => finding.rule === 'missing-section');
  if (missing.length === 0) return `@${user}, \`${path}\` has every section of the template already; nothing to fill.`;
  const names = missing.map((finding) => `"${finding.section}"`).join(', ');
  const filled = insertMissingSections(original, missing);
  if (pull.fromFork) {
    return `@${user}, specgate cannot push to a fork. These sections are missing from \`${path}\` (${names}):\n\n${fenced(missing.map((finding) => finding.insertText).join('\n\n'), 'markdown')}`;
  }
  const commit = await write(context, { path, text: filled, sha: file.sha, message: `Fill the missing sections of ${path}\n\n/spec-template fill, asked by @${user}: ${names}.` });
  return `@${user}, added ${names} to \`${path}\` in ${commit}, each with the template's guidance as a comment. The rest of the file is unchanged.`;
}

function safePath(context: CommandContext, argument: string): string {
  const result = specPathFrom(argument, context.loaded.config);
  if ('problem' in result) throw new CommandFailure(result.problem);
  return result.path;
}

async function write(context: CommandContext, change: { path: string; text: string; message: string; sha?: string }): Promise<string> {
  try {
    return await writeBranchFile(context.client, { ...change, branch: context.pull.headRef });
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 422) {
      throw new CommandFailure(`\`${change.path}\` changed on \`${context.pull.headRef}\` while specgate was writing it (a push in between?), so nothing was written. Run the command again.`);
    }
    if (status === 403) {
      throw new CommandFailure(
        'specgate may not write to this repository: its installation lacks the **Contents: write** permission. An owner can grant it under Settings → GitHub Apps → specgate → Permissions & events, then accept the new permission.',
      );
    }
    throw error;
  }
}
