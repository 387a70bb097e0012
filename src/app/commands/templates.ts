import type { Policy } from '../../core/policy.js';
import { BUILTIN_TEMPLATE, builtinTemplate } from '../../config/builtin-template.js';
import { policyOptions, type LoadedConfig } from '../../config/load.js';
import { compilePolicy } from '../../config/compiled-policy.js';
import { templateFor } from '../../config/select.js';
import { readTemplates } from '../../github/contents.js';
import type { RepoClient } from '../github/repo.js';

export interface EffectiveTemplate {
  /** The template's path, or `built-in`. */
  name: string;
  text: string;
  policy: Policy;
}

/** The template a spec path follows, read from the default branch. */
export async function effectiveTemplate(client: RepoClient, loaded: LoadedConfig, specPath?: string): Promise<EffectiveTemplate> {
  const path = specPath === undefined ? loaded.config.template : templateFor(specPath, loaded.config);
  const text = path === undefined ? builtinTemplate() : (await readTemplates(client, [path])).get(path);
  if (text === undefined) throw new CommandFailure(`The template \`${path}\` named in \`.github/specgate.yml\` does not exist on the default branch.`);
  return { name: path ?? BUILTIN_TEMPLATE, text, policy: compilePolicy(text, policyOptions(loaded.config, path)).policy };
}

/** A command that cannot go ahead, with the reason to tell the person who asked. */
export class CommandFailure extends Error {}
