import { posix } from 'node:path';
import type { SpecgateConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';

/**
 * A path from a comment, made safe to write to: relative, inside the repository, and one of
 * the configured spec paths, so a command can never write a workflow or escape with `../`.
 */
export function specPathFrom(raw: string, config: SpecgateConfig): { path: string } | { problem: string } {
  const trimmed = raw.trim().replace(/^`|`$/g, '');
  if (trimmed === '') return { problem: 'Name the spec file, for example `docs/specs/my-feature.md`.' };
  if (trimmed.includes('\\') || trimmed.includes('\0') || trimmed.startsWith('/')) {
    return { problem: `\`${trimmed}\` is not a relative path inside the repository.` };
  }
  const path = posix.normalize(trimmed);
  if (path.split('/').includes('..') || path === '.' || path.startsWith('.git/')) {
    return { problem: `\`${trimmed}\` points outside the repository's spec paths.` };
  }
  if (!specSelector(config)(path)) {
    return { problem: `\`${path}\` is not a spec path. Spec files match ${config.paths.map((glob) => `\`${glob}\``).join(', ')}.` };
  }
  return { path };
}
