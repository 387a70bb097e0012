import picomatch from 'picomatch';
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
  return [...(config.template ? [config.template] : []), ...Object.values(config.templates)];
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
