/**
 * Point 7 of issue 13: `specgate check --staged` checks the staged version of each staged spec
 * (what the commit will hold), and the README's hook and `.pre-commit-hooks.yaml` use it.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { git, gitRepo, specgate, writeFile } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
const INCOMPLETE = readFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), 'utf8');

/** A repository with one commit, and an incomplete draft lying untracked in the spec folder. */
function repoWithDraft(): string {
  const directory = gitRepo({ 'README.md': '# Project\n', 'docs/specs/draft.md': INCOMPLETE });
  git(directory, 'add', 'README.md');
  git(directory, 'commit', '--quiet', '-m', 'Start');
  return directory;
}

describe('specgate check --staged', () => {
  test('a commit that stages no spec checks nothing, whatever drafts lie in the tree', () => {
    const directory = repoWithDraft();
    writeFile(directory, 'src/index.ts', 'export {};\n');
    git(directory, 'add', 'src/index.ts');
    expect(specgate(['check'], directory).code).toBe(1);
    expect(specgate(['check', '--staged'], directory)).toEqual({ code: 0, stdout: 'No staged spec files: nothing to check.\n', stderr: '' });
  });

  test('the staged version is checked, not the working tree: complete when staged, broken after', () => {
    const directory = repoWithDraft();
    writeFile(directory, 'docs/specs/rate-limits.md', COMPLETE);
    git(directory, 'add', 'docs/specs/rate-limits.md');
    writeFile(directory, 'docs/specs/rate-limits.md', '# Rate limits\n\nNot yet.\n');
    const { code, stdout } = specgate(['check', '--staged'], directory);
    expect(stdout).toBe('✔ docs/specs/rate-limits.md\n✔ 1 spec checked: all complete.\n');
    expect(code).toBe(0);
  });

  test('an incomplete staged version fails, with the lines of the staged text, even when the working tree is fixed', () => {
    const directory = repoWithDraft();
    writeFile(directory, 'docs/specs/audit.md', INCOMPLETE);
    git(directory, 'add', 'docs/specs/audit.md');
    writeFile(directory, 'docs/specs/audit.md', COMPLETE);
    const staged = specgate(['check', '--staged', '--format', 'json'], directory);
    const fromTree = specgate(['check', '--format', 'json', 'docs/specs/draft.md'], directory);
    expect(staged.code).toBe(1);
    const findings = (output: string) => (JSON.parse(output) as { files: Array<{ findings: unknown[] }> }).files[0]!.findings;
    expect(findings(staged.stdout)).toEqual(findings(fromTree.stdout));
  });

  test('a staged deletion is not checked; a staged rename is checked at its new path; files outside the spec paths are not', () => {
    const directory = repoWithDraft();
    writeFile(directory, 'docs/specs/old.md', INCOMPLETE);
    writeFile(directory, 'docs/specs/gone.md', INCOMPLETE);
    git(directory, 'add', '.');
    git(directory, 'commit', '--quiet', '-m', 'Specs');
    git(directory, 'mv', 'docs/specs/old.md', 'docs/specs/new.md');
    git(directory, 'rm', '--quiet', 'docs/specs/gone.md');
    writeFile(directory, 'notes/meeting.md', INCOMPLETE);
    git(directory, 'add', 'notes/meeting.md');
    const { stdout } = specgate(['check', '--staged', '--format', 'json'], directory);
    expect((JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path)).toEqual(['docs/specs/new.md']);
  });

  test('run from a sub-folder, it checks the same staged files', () => {
    const directory = repoWithDraft();
    writeFile(directory, 'docs/specs/audit.md', INCOMPLETE);
    git(directory, 'add', 'docs/specs/audit.md');
    expect(specgate(['check', '--staged'], join(directory, 'docs/specs'))).toEqual(specgate(['check', '--staged'], directory));
  });

  test('paths and --staged do not go together; outside a git repository --staged says why it cannot run', () => {
    expect(specgate(['check', '--staged', 'docs'], repoWithDraft())).toMatchObject({ code: 2, stderr: expect.stringContaining('--staged checks the staged spec files; name no paths with it.') });
    const notARepository = mkdtempSync(join(tmpdir(), 'specgate-no-git-'));
    expect(specgate(['check', '--staged'], notARepository)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^specgate: --staged needs a git repository: fatal: not a git repository/) });
  });
});

describe('the hooks the docs give', () => {
  /** The README's hook, byte for byte, run by git itself on `git commit`. */
  function repoWithReadmeHook(): string {
    const directory = repoWithDraft();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const hook = /### As a pre-commit hook[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    writeFileSync(join(directory, '.git/hooks/pre-commit'), hook);
    chmodSync(join(directory, '.git/hooks/pre-commit'), 0o755);
    // `npx --no-install specgate` finds the package installed in the project, as after `npm install -D specgate`.
    mkdirSync(join(directory, 'node_modules/.bin'), { recursive: true });
    symlinkSync(ROOT, join(directory, 'node_modules/specgate'));
    symlinkSync('../specgate/bin/specgate.js', join(directory, 'node_modules/.bin/specgate'));
    writeFile(directory, '.gitignore', 'node_modules\n');
    return directory;
  }

  const commit = (directory: string): { ok: boolean; output: string } => {
    try {
      return { ok: true, output: git(directory, 'commit', '--quiet', '-m', 'Change') };
    } catch (error) {
      // git shows a hook's output on its standard error.
      return { ok: false, output: String((error as { stderr?: string }).stderr) };
    }
  };

  test('the README hook blocks a commit that stages an incomplete spec, and lets an unrelated commit through', () => {
    const directory = repoWithReadmeHook();
    writeFile(directory, 'docs/specs/audit.md', INCOMPLETE);
    git(directory, 'add', 'docs/specs/audit.md');
    const blocked = commit(directory);
    expect(blocked.ok).toBe(false);
    expect(blocked.output).toContain('docs/specs/audit.md');
    git(directory, 'reset', '--quiet', 'docs/specs/audit.md');
    writeFile(directory, 'src/index.ts', 'export {};\n');
    git(directory, 'add', 'src/index.ts');
    expect(commit(directory).ok).toBe(true);
  });

  test('.pre-commit-hooks.yaml defines the hook on check --staged, without file names', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([expect.objectContaining({ id: 'specgate', entry: 'specgate check --staged', language: 'node', pass_filenames: false })]);
  });
});
