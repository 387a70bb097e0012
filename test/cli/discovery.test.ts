/**
 * Point 1 of issue 13: the configuration is found as eslint and markdownlint-cli2 find theirs,
 * from the current directory up to the repository root, and a run from a sub-folder checks what a
 * run from the root checks.
 */
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitRepo, specgate, writeFile } from '../helpers/cli.js';

describe('configuration discovery', () => {
  test('run from docs/specs/, check reports what it reports from the root, paths relative to the root', () => {
    const repo = gitRepo({}, 'basic');
    const fromRoot = specgate(['check', '--format', 'json'], repo);
    expect(JSON.parse(fromRoot.stdout).files.map((file: { path: string }) => file.path)).toEqual(['docs/specs/billing.md', 'docs/specs/search.md']);
    for (const folder of ['docs', 'docs/specs', 'notes']) {
      expect(specgate(['check', '--format', 'json'], join(repo, folder))).toEqual(fromRoot);
    }
  });

  test('a path argument is relative to where specgate runs; the report still names it from the root', () => {
    const repo = gitRepo({}, 'basic');
    const { code, stdout } = specgate(['check', 'search.md'], join(repo, 'docs/specs'));
    expect(code).toBe(0);
    expect(stdout).toBe('✔ docs/specs/search.md\n✔ 1 spec checked: all complete.\n');
  });

  test.each(['.github/specgate.yaml', '.specgate.yml', '.specgate.yaml'])('%s is found too', (name) => {
    const repo = gitRepo({}, 'basic');
    renameSync(join(repo, '.github/specgate.yml'), join(repo, name));
    const { code, stdout } = specgate(['check', '--format', 'json'], join(repo, 'docs/specs'));
    expect(code).toBe(1);
    // The configured template and its min_words apply: the configuration was read.
    expect(JSON.parse(stdout).template).toBe('docs/specs/TEMPLATE.md');
    expect(stdout).toContain('the configuration asks for at least 8');
  });

  test('without a configuration, the defaults apply from the repository root, wherever specgate runs', () => {
    const repo = gitRepo({ 'docs/specs/a.md': '# A\n\n## Context & Goal\n\nWhy.\n' });
    const { stdout } = specgate(['check', '--format', 'json'], join(repo, 'docs/specs'));
    expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['docs/specs/a.md']);
  });

  test('the search stops at the repository root: a configuration above it is not read', () => {
    const outside = mkdtempSync(join(tmpdir(), 'specgate-outside-'));
    // Read, this file would be a configuration error (exit 2).
    writeFile(outside, '.github/specgate.yml', 'pathz: [nope]\n');
    const repo = join(outside, 'project');
    mkdirSync(repo);
    git(repo, 'init', '--quiet');
    writeFile(repo, 'docs/specs/a.md', '# A\n\n## Context & Goal\n\nWhy.\n');
    const { code, stderr } = specgate(['check'], join(repo, 'docs/specs'));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  test('the nearest configuration wins: a package with its own, in a monorepo, checks its own paths', () => {
    const repo = gitRepo({ 'packages/api/.specgate.yml': 'paths: [rfcs/*.md]\n', 'packages/api/rfcs/one.md': '# One\n\n## Context & Goal\n\nWhy.\n' }, 'basic');
    const { stdout } = specgate(['check', '--format', 'json'], join(repo, 'packages/api/rfcs'));
    expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['rfcs/one.md']);
  });

  test('--config wins over discovery, from any folder; its paths are relative to the repository root', () => {
    const repo = gitRepo({ 'ci/specgate.yml': 'paths: [docs/specs/search.md]\n' }, 'basic');
    for (const [cwd, config] of [[repo, 'ci/specgate.yml'], [join(repo, 'docs/specs'), '../../ci/specgate.yml']] as const) {
      const { stdout } = specgate(['check', '--format', 'json', '--config', config], cwd);
      expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['docs/specs/search.md']);
    }
  });

  test('a configuration error names the file as seen from where specgate runs, with its line', () => {
    const repo = gitRepo({}, 'basic');
    writeFileSync(join(repo, '.github/specgate.yml'), 'paths: [docs/specs/**/*.md]\nrequird: true\n');
    const { code, stderr } = specgate(['check'], join(repo, 'docs/specs'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^specgate: \.\.\/\.\.\/\.github\/specgate\.yml:2: Unknown key "requird"\./);
  });
});
