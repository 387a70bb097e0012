import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_TEMPLATE, builtinTemplate } from '../config/builtin-template.js';
import { chooseTemplate } from '../config/select.js';
import { didYouMean } from './args.js';
import { fromCommandLine, readText, UsageError, type Workspace } from './workspace.js';

export interface ResolvedTemplate {
  /** The template's path relative to the root, or `built-in`. */
  name: string;
  text: string;
  /** The `named_templates` name it was chosen by, when it was. */
  named?: string;
}

/**
 * The template a spec path gets, as `check` would choose it: the front matter's named template
 * (when the file exists), else the most specific `templates` glob, else `template`, else the built-in one.
 */
export function templateForPath(workspace: Workspace, path: string): ResolvedTemplate {
  const { config } = workspace.loaded;
  const absolute = resolve(workspace.cwd, path);
  const bytes = existsSync(absolute) ? readFileSync(absolute) : undefined;
  const choice = chooseTemplate(fromCommandLine(workspace, path), bytes, config);
  if (choice.kind === 'unknown') {
    throw new UsageError(`${path}:${choice.line}: the front matter names the template "${choice.name}", which "named_templates" does not define.${didYouMean(choice.name, choice.known)}`);
  }
  return read(workspace, choice.template, choice.by === 'front-matter' ? { named: nameOf(workspace, choice.template) } : {});
}

/**
 * `--template NAME`: a name from `named_templates`, else a template file (relative to the current
 * directory). A name that is neither is an error that lists the names.
 */
export function templateByName(workspace: Workspace, name: string): ResolvedTemplate {
  const named = workspace.loaded.config.named_templates;
  if (Object.hasOwn(named, name)) return read(workspace, named[name], { named: name });
  if (existsSync(resolve(workspace.cwd, name))) return read(workspace, fromCommandLine(workspace, name), {});
  const names = Object.keys(named);
  const known = names.length > 0 ? ` Named templates: ${names.join(', ')}.` : ' The configuration names no templates ("named_templates").';
  throw new UsageError(`"${name}" is neither a named template nor a file.${didYouMean(name, names)}${known}`);
}

function read(workspace: Workspace, path: string | undefined, extra: { named?: string }): ResolvedTemplate {
  if (path === undefined) return { name: BUILTIN_TEMPLATE, text: builtinTemplate(), ...extra };
  return { name: path, text: readText(resolve(workspace.root, path), `The template "${path}"`), ...extra };
}

function nameOf(workspace: Workspace, path: string | undefined): string | undefined {
  return Object.entries(workspace.loaded.config.named_templates).find(([, value]) => value === path)?.[0];
}
