import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const ROOT = join(FIXTURES, '..', '..');

/** A fixture file's text, by path under test/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
