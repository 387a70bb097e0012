import { readFileSync } from 'node:fs';
import type { SectionOptions } from '../core/policy.js';

/** How reports name the template that ships with specgate. */
export const BUILTIN_TEMPLATE = 'built-in';

/**
 * The template's text, inlined by a bundle that has no package root to read it from at run time:
 * the GitHub Action's build (scripts/build-action.mjs) defines it with esbuild's `define`. In the
 * CLI and the app (plain `tsc` output) it is not defined, and the file is read instead.
 */
declare const __SPECGATE_BUILTIN_TEMPLATE__: string | undefined;

let cached: string | undefined;

/** The default template, shipped verbatim as `templates/default.md`. */
export function builtinTemplate(): string {
  // `typeof` of an undeclared global is 'undefined', never a ReferenceError.
  if (typeof __SPECGATE_BUILTIN_TEMPLATE__ === 'string') return __SPECGATE_BUILTIN_TEMPLATE__;
  // src/config and build/config both sit two levels below the package root.
  cached ??= readFileSync(new URL('../../templates/default.md', import.meta.url), 'utf8');
  return cached;
}

/**
 * Content rules the built-in template ships with, as warnings only (the rules' default severity):
 * acceptance criteria are a list of checks, and a rollout plan says how to roll back. A
 * repository's own `sections:` settings for these sections win, key by key; a repository with its
 * own template starts from none.
 */
export const BUILTIN_SECTION_RULES: Readonly<Record<string, SectionOptions>> = {
  'Acceptance Criteria': { must_contain: ['list'] },
  Rollout: { must_mention: ['rollback', 'roll back', 'rolling back', 'rolled back', 'revert'] },
};
