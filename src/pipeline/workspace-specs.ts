import { globSync } from 'tinyglobby';
import type { SpecgateConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';

/** Never specs, wherever `paths` points. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Every spec under the configured `paths` in a checked-out tree, as paths relative to `root` with
 * `/` separators, sorted: what the CLI checks with no arguments and the Action outside a pull request.
 */
export function configuredSpecs(root: string, config: SpecgateConfig): string[] {
  return sorted(globSync(config.paths, { cwd: root, ignore: ALWAYS_IGNORED, dot: true }).filter(specSelector(config)));
}

export function sorted<T extends string | { path: string }>(items: T[]): T[] {
  const key = (item: T): string => (typeof item === 'string' ? item : item.path);
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
