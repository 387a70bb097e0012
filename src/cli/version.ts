import { readFileSync } from 'node:fs';

/** specgate's version, from its package.json (src/cli and build/cli both sit two levels below it). */
export function specgateVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
