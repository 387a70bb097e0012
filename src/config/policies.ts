import type { Policy } from '../core/policy.js';
import { BUILTIN_TEMPLATE, builtinTemplate } from './builtin-template.js';
import { compilePolicy } from './compiled-policy.js';
import { policyOptions, type ConfigProblem, type LoadedConfig } from './load.js';

/** Template text by repository path, as the caller read it; undefined when the file does not exist. */
export type TemplateTexts = ReadonlyMap<string, string | undefined>;

export interface Policies {
  /** The policy for a template path (undefined: the built-in template). */
  get(templatePath: string | undefined): Policy | undefined;
  problems: ConfigProblem[];
}

/**
 * One policy per template the run needs. A missing template or a section the templates do not
 * have is a configuration problem, pointed at the line of the configuration that asked for it.
 */
export function compilePolicies(loaded: LoadedConfig, needed: ReadonlyArray<string | undefined>, texts: TemplateTexts): Policies {
  const { config, lineOf } = loaded;
  const problems: ConfigProblem[] = [];
  const policies = new Map<string, Policy>();
  const unknownSections = new Map<string, ConfigProblem>();
  const seenSections = new Set<string>();

  for (const templatePath of new Set(needed)) {
    const name = templatePath ?? BUILTIN_TEMPLATE;
    const text = templatePath === undefined ? builtinTemplate() : texts.get(templatePath);
    if (text === undefined) {
      const key = configKeyFor(templatePath!, loaded);
      problems.push({ key: key.join('.'), line: lineOf(key), message: `The template "${templatePath}" does not exist.` });
      continue;
    }
    const { policy, problems: policyProblems } = compilePolicy(text, policyOptions(config, templatePath));
    policies.set(name, policy);
    for (const problem of policyProblems) {
      if (problem.path[0] === 'sections') {
        unknownSections.set(problem.path.join('.'), { key: problem.path.join('.'), line: lineOf(problem.path), message: problem.message });
      } else {
        problems.push({ key: problem.path.join('.'), line: lineOf(problem.path), message: `${name}: ${problem.message}` });
      }
    }
    for (const sectionName of Object.keys(config.sections)) {
      if (!policyProblems.some((problem) => problem.path[1] === sectionName)) seenSections.add(`sections.${sectionName}`);
    }
  }
  // With several templates, a section needs to exist in one of them only.
  for (const [key, problem] of unknownSections) if (!seenSections.has(key)) problems.push(problem);
  return { get: (templatePath) => policies.get(templatePath ?? BUILTIN_TEMPLATE), problems };
}

function configKeyFor(templatePath: string, { config }: LoadedConfig): string[] {
  const glob = Object.entries(config.templates).find(([, path]) => path === templatePath)?.[0];
  if (glob !== undefined) return ['templates', glob];
  const name = Object.entries(config.named_templates).find(([, path]) => path === templatePath)?.[0];
  return name === undefined ? ['template'] : ['named_templates', name];
}
