import { readFileSync } from 'node:fs';

/** How reports name the template that ships with specgate. */
export const BUILTIN_TEMPLATE = 'built-in';

let cached: string | undefined;

/** The default template, shipped verbatim as `templates/default.md`. */
export function builtinTemplate(): string {
  // src/config and build/config both sit two levels below the package root.
  cached ??= readFileSync(new URL('../../templates/default.md', import.meta.url), 'utf8');
  return cached;
}
