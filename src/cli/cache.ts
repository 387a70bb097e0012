import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FileReport } from '../verdict/report.js';

interface Entry {
  /** sha256 of the file's bytes, base64url. */
  hash: string;
  template: string;
  findings: FileReport['findings'];
}

interface CacheFile {
  /** What every entry was checked under: specgate's version, the configuration and the templates. */
  run: string;
  files: Record<string, Entry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * `specgate check --cache`, like `eslint --cache`: each file's findings by the hash of its bytes,
 * so a re-run over an unchanged docs tree parses nothing. Every entry is dropped at once when the
 * version, the configuration or a template changes (the `run` key), so an answer from the cache is
 * always the one a fresh check would give. A cache file that cannot be read is started afresh.
 */
export class CheckCache {
  private readonly entries: Record<string, Entry>;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly run: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  static open(file: string, run: unknown): CheckCache {
    const key = createHash('sha256').update(JSON.stringify(run)).digest('base64url');
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (stored.run === key && stored.files && typeof stored.files === 'object') return new CheckCache(file, key, stored.files);
    } catch {
      // Missing or unreadable: a fresh cache, written on save.
    }
    return new CheckCache(file, key, {});
  }

  get(path: string, hash: string): FileReport | undefined {
    const entry = this.entries[path];
    return entry?.hash === hash ? { path, template: entry.template, findings: entry.findings } : undefined;
  }

  set(report: FileReport, hash: string): void {
    this.entries[report.path] = { hash, template: report.template, findings: report.findings };
    this.changed = true;
  }

  /** Written whole and then renamed into place, so a run that stops halfway leaves the old cache. */
  save(): void {
    if (!this.changed) return;
    const stored: CacheFile = { run: this.run, files: this.entries };
    const partial = `${this.file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(stored));
    renameSync(partial, this.file);
  }
}
