import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { specSelector } from '../config/select.js';
import { templateByName, templateForPath } from './template-source.js';
import { fromCommandLine, UsageError, type Workspace } from './workspace.js';

/**
 * `specgate new PATH [--template NAME]`: a new spec from the template PATH gets (or the one named),
 * the template's front matter kept. A template chosen by name is written into the front matter
 * (`template: NAME`), so `check` holds the spec to it. Never overwrites a file.
 */
export function runNew(workspace: Workspace, path: string | undefined, templateName: string | undefined): string {
  if (path === undefined) throw new UsageError('Name the spec to create, for example: specgate new docs/specs/my-feature.md', true);
  const absolute = resolve(workspace.cwd, path);
  if (existsSync(absolute)) throw new UsageError(`${path} exists, so specgate new left it as it is. "specgate fix ${path}" adds the sections it is missing.`);
  const template = templateName === undefined ? templateForPath(workspace, path) : templateByName(workspace, templateName);
  const text = template.named === undefined ? template.text : withTemplateName(template.text, template.named);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text, { flag: 'wx' });
  const lines = [`created ${path} from ${template.name === 'built-in' ? 'the built-in template' : template.name}`];
  if (!specSelector(workspace.loaded.config)(fromCommandLine(workspace, path))) {
    lines.push(`note: ${path} is not under the configured spec paths (${workspace.loaded.config.paths.join(', ')}), so "specgate check" with no paths will not check it.`);
  }
  lines.push(`Next: write each section in place of its guidance, then run: specgate check ${path}`);
  return `${lines.join('\n')}\n`;
}

/** The template's text with `template: NAME` in its YAML front matter, which is added when it has none. */
export function withTemplateName(text: string, name: string): string {
  const lines = text.split(/(?<=\n)/);
  const eol = lines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  const isFence = (line: string | undefined) => line !== undefined && ['---', '...'].includes(line.trimEnd());
  const end = lines.findIndex((line, index) => index > 0 && isFence(line));
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---' || end < 0) return `---${eol}template: ${name}${eol}---${eol}${eol}${text}`;
  const key = lines.findIndex((line, index) => index > 0 && index < end && /^template\s*:/.test(line));
  if (key >= 0) lines[key] = `template: ${name}${eol}`;
  else lines.splice(end, 0, `template: ${name}${eol}`);
  return lines.join('');
}
