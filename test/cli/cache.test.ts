/**
 * `specgate check --cache`: findings kept by the hash of each file's bytes, so a re-run over an
 * unchanged tree checks nothing; any change to a file, the configuration or the template is seen.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo, specgate } from '../helpers/cli.js';

interface JsonReport {
  files: Array<{ path: string; status: string; findings: Array<{ rule: string; message: string }> }>;
}

const check = (root: string, ...args: string[]) => {
  const { code, stdout, stderr } = specgate(['check', '--format', 'json', ...args], root);
  return { code, stderr, report: JSON.parse(stdout) as JsonReport };
};

/**
 * Marks every cached entry with a finding no check would give: a later run that shows it answered
 * from the cache without checking; one that does not checked the file afresh.
 */
function markCachedEntries(cacheFile: string): void {
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  for (const entry of Object.values<{ findings: unknown[] }>(cache.files)) {
    entry.findings.push({ rule: 'from-the-cache', severity: 'notice', section: '(file)', line: 1, message: 'answered from the cache' });
  }
  writeFileSync(cacheFile, JSON.stringify(cache));
}
/** A copy of the basic repository after one `--cache` run, its cache entries marked. */
function afterCachedRun(): string {
  const root = copyOfRepo('basic');
  check(root, '--cache');
  markCachedEntries(join(root, '.specgatecache'));
  return root;
}
const fromCache = (report: JsonReport, path: string) => report.files.find((file) => file.path === path)!.findings.some((finding) => finding.rule === 'from-the-cache');

describe('specgate check --cache', () => {
  test('the first run writes .specgatecache and reports what a run without the cache reports', () => {
    const root = copyOfRepo('basic');
    const plain = check(root);
    const cached = check(root, '--cache');
    expect(cached.report).toEqual(plain.report);
    expect(cached.code).toBe(plain.code);
    expect(existsSync(join(root, '.specgatecache'))).toBe(true);
  });

  test('a re-run over unchanged files checks none of them: every answer comes from the cache', () => {
    const root = afterCachedRun();
    const again = check(root, '--cache');
    expect(fromCache(again.report, 'docs/specs/billing.md')).toBe(true);
    expect(fromCache(again.report, 'docs/specs/search.md')).toBe(true);
  });

  test('a changed file is checked again; the unchanged one still comes from the cache', () => {
    const root = afterCachedRun();
    appendFileSync(join(root, 'docs/specs/search.md'), '\nOne more line.\n');
    const again = check(root, '--cache');
    expect(fromCache(again.report, 'docs/specs/search.md')).toBe(false);
    expect(fromCache(again.report, 'docs/specs/billing.md')).toBe(true);
  });

  test('a changed template or configuration drops the whole cache', () => {
    const root = afterCachedRun();
    appendFileSync(join(root, 'docs/specs/TEMPLATE.md'), '\n## Glossary\n\nTerms used in this spec.\n');
    const afterTemplate = check(root, '--cache');
    expect(afterTemplate.report.files.some((file) => fromCache(afterTemplate.report, file.path))).toBe(false);
    expect(afterTemplate.report.files.find((file) => file.path === 'docs/specs/search.md')!.findings).toContainEqual(expect.objectContaining({ rule: 'missing-section' }));

    markCachedEntries(join(root, '.specgatecache'));
    appendFileSync(join(root, '.github/specgate.yml'), '\ncheck_name: Specs\n');
    const afterConfig = check(root, '--cache');
    expect(afterConfig.report.files.some((file) => fromCache(afterConfig.report, file.path))).toBe(false);
  });

  test('--cache-location names the file; a cache file that is not JSON is started afresh, not a crash', () => {
    const root = copyOfRepo('basic');
    writeFileSync(join(root, 'my-cache.json'), 'not json at all');
    const { code, stderr, report } = check(root, '--cache-location', 'my-cache.json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.files).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(root, 'my-cache.json'), 'utf8')).files['docs/specs/billing.md'].hash).toMatch(/^[\w-]{43}$/);
    expect(existsSync(join(root, '.specgatecache'))).toBe(false);
  });
});
