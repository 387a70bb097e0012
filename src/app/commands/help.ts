import { USAGE } from '../../commands/parse.js';
import { fenced } from '../../render/markdown.js';
import { checkChangedSpecs } from '../gather.js';
import { listPullFiles } from '../../github/pull-files.js';
import type { CommandContext } from './context.js';
import { effectiveTemplate } from './templates.js';

/** The usage, the template, and each failing spec's missing sections ready to paste. */
export async function helpReply(context: CommandContext): Promise<string> {
  const { client, pull, loaded, user } = context;
  const [template, pullFiles] = await Promise.all([effectiveTemplate(client, loaded), listPullFiles(client, pull.number, pull.changedFiles)]);
  const parts = [
    `@${user}, \`/spec-template\` commands work in a comment on this pull request:`,
    '',
    USAGE,
    '',
    `<details><summary>The template for this repository (<code>${template.name}</code>)</summary>`,
    '',
    fenced(template.text, 'markdown'),
    '',
    '</details>',
  ];
  const checked = loaded.problems.length === 0 ? await checkChangedSpecs(client, loaded, pullFiles) : undefined;
  if (checked?.kind === 'checked') {
    for (const { report } of checked.specs) {
      const missing = report.findings.filter((finding) => finding.rule === 'missing-section' && finding.insertText);
      if (missing.length === 0) continue;
      const places = missing.map((finding) => `"${finding.section}" before line ${finding.insertBeforeLine}`).join(', ');
      parts.push('', `**\`${report.path}\`** is missing ${missing.length === 1 ? 'a section' : `${missing.length} sections`} (${places}):`, '');
      parts.push(fenced(missing.map((finding) => finding.insertText).join('\n\n'), 'markdown'));
    }
  }
  return parts.join('\n');
}
