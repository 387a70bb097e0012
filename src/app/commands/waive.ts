import { specPathFrom } from '../../commands/spec-path.js';
import { parseWaiverArguments, type WaiverArguments } from '../../commands/waiver-arguments.js';
import { decodeSpec } from '../../core/decode.js';
import { STICKY_MARKER } from '../../render/sticky-comment.js';
import { changedSpecs } from '../../verdict/changes.js';
import { readWaivers, withWaivers } from '../../waivers/record.js';
import { sameSection, sectionHash, type Waiver } from '../../waivers/waivers.js';
import { readFileAtRef } from '../../github/contents.js';
import { listPullFiles } from '../../github/pull-files.js';
import { findStickyComment } from '../../github/sticky-comment.js';
import { refusalToWaive } from '../github/waiver-permission.js';
import type { CommandContext } from './context.js';
import { CommandFailure } from './templates.js';

/**
 * `/spec-template waive SECTION [in PATH] — REASON`: records who waived which section and why in
 * the app's comment, with a hash of the section's text now. The caller checks the pull request
 * again right after, so the section's findings become notices at once.
 */
export async function waiveSection(context: CommandContext, argument: string, now: () => Date = () => new Date()): Promise<string> {
  const { section, path, reason } = await target(context, argument, 'waive');
  if (reason === '') {
    throw new CommandFailure(`a waiver needs a reason, for the audit: \`/spec-template waive ${section} in ${path} — REASON\`. Nothing was waived.`);
  }
  const text = await headText(context, path);
  const waiver: Waiver = { path, section, by: context.user, reason, at: now().toISOString(), contentHash: sectionHash(text, section, aliasesOf(context, section)) };
  await updateRecord(context, (waivers) => [...waivers.filter((other) => !sameSection(other, waiver)), waiver]);
  return `@${context.user} waived "${section}" in \`${path}\`: ${reason}\n\nIts findings are notices from now on, until the section changes or someone allowed to waive comments \`/spec-template unwaive ${section} in ${path}\`.`;
}

/** `/spec-template unwaive SECTION [in PATH]`: ends a waiver; the caller checks again. */
export async function unwaiveSection(context: CommandContext, argument: string): Promise<string> {
  const { section, path } = await target(context, argument, 'unwaive');
  let removed = false;
  await updateRecord(context, (waivers) => {
    const kept = waivers.filter((waiver) => !sameSection(waiver, { path, section }));
    removed = kept.length < waivers.length;
    return kept;
  });
  if (!removed) throw new CommandFailure(`"${section}" in \`${path}\` has no waiver on this pull request.`);
  return `@${context.user} ended the waiver of "${section}" in \`${path}\`; its findings count again.`;
}

async function target(context: CommandContext, argument: string, command: 'waive' | 'unwaive'): Promise<WaiverArguments & { path: string }> {
  if (context.loaded.config.comment === 'never') {
    throw new CommandFailure('waivers are recorded in specgate\'s comment on the pull request, and `comment: never` in `.github/specgate.yml` turns that comment off.');
  }
  const parsed = parseWaiverArguments(argument);
  if ('problem' in parsed) throw new CommandFailure(parsed.problem);
  const path = parsed.path === undefined ? await onlyChangedSpec(context, parsed.section, command) : checkedPath(parsed.path, context);
  // Asked of GitHub on every command, before anything is written.
  const refusal = await refusalToWaive(context.client, context.user, path, context.loaded.config.waivers.allowed);
  if (refusal) throw new CommandFailure(`\`/spec-template ${command}\`: ${refusal}`);
  return { ...parsed, path };
}

function checkedPath(raw: string, context: CommandContext): string {
  const checked = specPathFrom(raw, context.loaded.config);
  if ('problem' in checked) throw new CommandFailure(checked.problem);
  return checked.path;
}

async function onlyChangedSpec(context: CommandContext, section: string, command: string): Promise<string> {
  const { files } = await listPullFiles(context.client, context.pull.number, context.pull.changedFiles);
  const specs = changedSpecs(files, context.loaded.config).map((file) => file.path);
  if (specs.length === 1) return specs[0]!;
  const which = specs.length === 0 ? 'This pull request changes no spec' : `This pull request changes ${specs.length} specs (${specs.map((path) => `\`${path}\``).join(', ')})`;
  throw new CommandFailure(`${which}: say which, \`/spec-template ${command} ${section} in PATH${command === 'waive' ? ' — REASON' : ''}\`.`);
}

async function headText(context: CommandContext, path: string): Promise<string> {
  const found = await readFileAtRef(context.client, path, context.pull.headSha);
  if (found.kind !== 'file') throw new CommandFailure(`\`${path}\` is not a file at ${context.pull.headSha.slice(0, 7)}.`);
  const decoded = decodeSpec(found.bytes, context.loaded.config.max_file_size);
  if (decoded.text === undefined) throw new CommandFailure(`\`${path}\` cannot be read as a spec: ${decoded.finding.message}`);
  return decoded.text;
}

function aliasesOf(context: CommandContext, section: string): string[] {
  return context.loaded.config.sections[section]?.aliases ?? [];
}

/** Rewrites the record in the app's comment, creating the comment when the pull request has none yet. */
async function updateRecord(context: CommandContext, change: (waivers: Waiver[]) => Waiver[]): Promise<void> {
  const { client, pull } = context;
  const comment = await findStickyComment(client, pull.number);
  const waivers = change(readWaivers(comment?.body));
  if (comment) {
    await client.octokit.rest.issues.updateComment({ owner: client.owner, repo: client.repo, comment_id: comment.id, body: withWaivers(comment.body, waivers) });
  } else {
    const body = withWaivers(`${STICKY_MARKER}\nspecgate keeps this pull request's waivers here.\n`, waivers);
    await client.octokit.rest.issues.createComment({ owner: client.owner, repo: client.repo, issue_number: pull.number, body });
  }
}
