import picomatch from 'picomatch';
import { declaredTemplate } from './front-matter.js';
import type { SpecgateConfig } from './load.js';

const GLOB_OPTIONS = { dot: true } as const;

/** Whether a repository path is a spec file under the configuration: matched by `paths`, not by `ignore`. */
export function specSelector(config: SpecgateConfig): (path: string) => boolean {
  const included = picomatch(config.paths, GLOB_OPTIONS);
  const ignored = picomatch([...config.ignore, ...templatePaths(config)], GLOB_OPTIONS);
  return (path) => included(path) && !ignored(path);
}

/** A template is not a spec, even when it lives among them. */
export function templatePaths(config: SpecgateConfig): string[] {
  return [...(config.template ? [config.template] : []), ...Object.values(config.templates), ...Object.values(config.named_templates)];
}

/**
 * The template path for a spec: the most specific `templates` glob that matches it (the one
 * with the most literal characters), else `template`; undefined means the built-in default.
 */
export function templateFor(path: string, config: SpecgateConfig): string | undefined {
  let best: { template: string; specificity: number } | undefined;
  for (const [glob, template] of Object.entries(config.templates)) {
    if (!picomatch.isMatch(path, glob, GLOB_OPTIONS)) continue;
    const specificity = glob.replace(/[*?[\]{}!]/g, '').length;
    if (!best || specificity > best.specificity) best = { template, specificity };
  }
  return best?.template ?? config.template;
}

/** The template a spec is checked against, and what chose it. */
export type TemplateChoice =
  | { kind: 'template'; template: string | undefined; by: 'front-matter' | 'path' }
  /** The front matter names a template `named_templates` does not have. */
  | { kind: 'unknown'; name: string; line: number; known: string[] };

/**
 * Front matter wins over paths: a spec that says `template: adr` is an ADR wherever it lives, as
 * long as the configuration names that template. Without front matter, `templateFor` decides.
 */
export function chooseTemplate(path: string, spec: string | Uint8Array | undefined, config: SpecgateConfig): TemplateChoice {
  const declared = spec === undefined ? undefined : declaredTemplate(spec);
  if (!declared) return { kind: 'template', template: templateFor(path, config), by: 'path' };
  const template = Object.hasOwn(config.named_templates, declared.name) ? config.named_templates[declared.name] : undefined;
  if (template !== undefined) return { kind: 'template', template, by: 'front-matter' };
  return { kind: 'unknown', name: declared.name, line: declared.line, known: Object.keys(config.named_templates) };
}

/** The template paths a list of choices needs compiled. */
export function neededTemplates(choices: readonly TemplateChoice[]): Array<string | undefined> {
  return choices.flatMap((choice) => (choice.kind === 'template' ? [choice.template] : []));
}
