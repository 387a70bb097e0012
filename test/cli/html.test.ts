/**
 * Point 10 of issue 13: `--format html` is one self-contained page with a specs × sections table.
 * What a person sees in a browser is checked by scripts/check-html-report.mjs in headless Chromium
 * (run by .ci/run); here, the page's markup: nothing external, each cell's state and link, escaping.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const html = (args: string[], cwd: string): string => {
  const { stdout, stderr } = specgate(['check', '--format', 'html', ...args], cwd);
  expect(stderr).toBe('');
  return stdout;
};

/** Each body row of each table: the spec, then each cell's class and text. */
function rowsOf(page: string): Array<{ spec: string; cells: string[] }> {
  return [...page.matchAll(/<tr><th scope="row"><a href="#[^"]+">([^<]+)<\/a><\/th>(.*?)<\/tr>/g)].map(([, spec, cells]) => ({
    spec: spec!,
    cells: [...cells!.matchAll(/<td class="(?:cell|result) ([a-z]+)"[^>]*>(?:<a [^>]*>)?([^<]*)/g)].map(([, state, text]) => `${state}:${text}`),
  }));
}

describe('specgate check --format html', () => {
  test('one self-contained page: inline style, no script, nothing loaded from anywhere', () => {
    const page = html([], repo('report'));
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|(src|href)="(https?:)?\/\//i);
    // Every link is to a place in the page, and every such place exists.
    const links = [...page.matchAll(/href="([^"]*)"/g)].map(([, href]) => href!);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      expect(link.startsWith('#')).toBe(true);
      expect(page).toContain(`id="${link.slice(1)}"`);
    }
  });

  test('a table per template, a row per spec, a cell per section: complete, empty, placeholder, missing', () => {
    const rows = rowsOf(html([], repo('report')));
    expect(rows.map((row) => row.spec)).toEqual([
      'docs/adr/0001-use-postgres.md',
      'docs/adr/0002-event-bus.md',
      'docs/specs/api-rate-limits.md',
      'docs/specs/audit-log-export.md',
      'docs/specs/notifications-digest.md',
      'docs/specs/search-ranking.md',
    ]);
    expect(rows[1]!.cells).toEqual(['fail:incomplete', 'complete:✓', 'complete:✓', 'empty:empty', 'missing:missing']);
    expect(rows[3]!.cells).toEqual([
      'fail:incomplete',
      'complete:✓',
      'complete:✓',
      'placeholder:placeholder',
      'placeholder:placeholder',
      'empty:empty',
      'warning:⚠ warning',
      'missing:missing',
      'complete:✓',
      'complete:✓',
      'missing:missing',
      'complete:✓',
      'missing:missing',
    ]);
    expect(rows[2]!.cells.every((cell) => cell.startsWith('complete:') || cell === 'pass:complete')).toBe(true);
  });

  test('a cell links to its finding, and its tooltip is the finding', () => {
    const page = html([], repo('report'));
    const cell = /<td class="cell empty"><a href="#(spec-2-1)" title="([^"]+)">empty<\/a><\/td>/.exec(page)!;
    expect(cell[2]).toBe('line 10: Section &#34;Decision&#34; is empty. Write its content under the heading (comments do not count).');
    expect(page).toContain('<li id="spec-2-1"><span class="line">line 10</span> <span class="severity error">error</span> Section &#34;Decision&#34; is empty.');
  });

  test('a file that could not be checked is one row that says why', () => {
    const page = html(['test/fixtures/files'], ROOT);
    const binary = rowsOf(page).find((row) => row.spec.endsWith('binary.md'))!;
    expect(binary.cells).toEqual(['fail:incomplete', 'unchecked:not checked: not-text']);
  });

  test('names from the specs and the template are escaped', () => {
    const directory = copyOfRepo('basic');
    writeFileSync(join(directory, 'docs/specs/<b onclick="x">.md'), '# X\n\n## Summary\nS.\n');
    writeFileSync(join(directory, 'docs/specs/TEMPLATE.md'), '# T\n\n## Summary\nWhat.\n\n## Costs & &lt;Quotas&gt;\nHow much.\n');
    writeFileSync(join(directory, '.github/specgate.yml'), 'paths: [docs/specs/*.md]\ntemplate: docs/specs/TEMPLATE.md\n');
    const page = html(['docs/specs'], directory);
    expect(page).not.toMatch(/<b |<Quotas>/);
    expect(page).toContain('>docs/specs/&#60;b onclick=&#34;x&#34;&#62;.md</a>');
    expect(page).toContain('<th scope="col" class="depth-0">Costs &#38; &#60;Quotas&#62;</th>');
  });

  test('-o writes the page to a file; the terminal gets nothing', () => {
    const directory = copyOfRepo('report');
    const { stdout } = specgate(['check', '-f', 'html', '-o', 'report.html'], directory);
    expect(stdout).toBe('');
    expect(specgate(['check', '-f', 'html'], directory).stdout).toBe(readFileSync(join(directory, 'report.html'), 'utf8'));
  });
});
