/**
 * Issue 14, parts 1-3 through the command line: `check --since REF` and `--baseline FILE` block
 * only new problems; `statuses`, `required_from` and `required_since` follow each spec's status
 * and date, and the output says which status applied.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitRepo, specgate, writeFile } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

const spec = (name: string) => fixture(`specs/lifecycle/${name}.md`);
const CONFIG = 'paths: [rfcs/*.md]\ntemplate: 0000-template.md\n';

/** A repository whose first commit holds the template and an old RFC that lacks Rollout and Prior art. */
function repoWithOldRfc(config = CONFIG): string {
  const directory = gitRepo({ '.github/specgate.yml': config, '0000-template.md': fixture('templates/rfc-lifecycle.md'), 'rfcs/0042-mirrors.md': spec('old-rfc') });
  git(directory, 'add', '.');
  git(directory, 'commit', '--quiet', '-m', 'Old RFC');
  return directory;
}

describe('specgate check --since REF', () => {
  test('a typo fix in an old spec passes: its gaps are existing notices; without --since it fails', () => {
    const directory = repoWithOldRfc();
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('old-rfc-typo-fixed'));
    expect(specgate(['check'], directory).code).toBe(1);
    const { code, stdout } = specgate(['check', '--since', 'HEAD'], directory);
    expect(stdout).toBe(
      [
        'rfcs/0042-mirrors.md',
        '  18  notice   existing: Section "Rollout" is missing. Add it at the end of the document.  missing-section',
        '  18  notice   existing: Section "Prior art" is missing. Add it at the end of the document.  missing-section',
        '',
        '! 2 notices: 1 spec checked, all complete.',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  test('a new spec with the same gaps fails: it did not exist at REF', () => {
    const directory = repoWithOldRfc();
    writeFile(directory, 'rfcs/0099-sources.md', spec('new-rfc'));
    const { code, stdout } = specgate(['check', '--since', 'HEAD', '--format', 'json'], directory);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ severity: string }> }> }).files;
    expect(files.map((file) => [file.path, file.findings.map((finding) => finding.severity)])).toEqual([
      ['rfcs/0042-mirrors.md', ['notice', 'notice']],
      ['rfcs/0099-sources.md', ['error', 'error']],
    ]);
    expect(code).toBe(1);
  });

  test('each spec is compared with its own version at REF, a name with spaces too (the versions are read in one batch)', () => {
    const directory = repoWithOldRfc();
    // At REF: a second copy of the old RFC (a name with spaces), and the complete template as a third spec.
    writeFile(directory, 'rfcs/0043 two words.md', spec('old-rfc'));
    writeFile(directory, 'rfcs/0044-complete.md', fixture('templates/rfc-lifecycle.md'));
    git(directory, 'add', '.');
    git(directory, 'commit', '--quiet', '-m', 'Two more RFCs');
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('old-rfc-typo-fixed'));
    writeFile(directory, 'rfcs/0043 two words.md', spec('old-rfc-typo-fixed'));
    writeFile(directory, 'rfcs/0044-complete.md', spec('old-rfc'));
    // git writes each command it runs to GIT_TRACE: the three versions come from one cat-file, none from a `git show`.
    const trace = join(mkdtempSync(join(tmpdir(), 'specgate-trace-')), 'git.log');
    const { code, stdout } = specgate(['check', '--since', 'HEAD', '--format', 'json'], directory, { GIT_TRACE: trace });
    const commands = readFileSync(trace, 'utf8').match(/built-in: git [a-z-]+/g) ?? [];
    expect(commands.filter((command) => command.endsWith(' cat-file'))).toHaveLength(1);
    expect(commands.filter((command) => command.endsWith(' show'))).toEqual([]);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; severity: string }> }> }).files;
    const missing = (file: (typeof files)[number]) => file.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.severity);
    expect(files.map((file) => [file.path, missing(file)])).toEqual([
      ['rfcs/0042-mirrors.md', ['notice', 'notice']],
      ['rfcs/0043 two words.md', ['notice', 'notice']],
      ['rfcs/0044-complete.md', ['error', 'error']],
    ]);
    expect(code).toBe(1);
  });

  test('from a sub-directory, and a ref that does not exist is a usage error', () => {
    const directory = repoWithOldRfc();
    expect(specgate(['check', '--since', 'HEAD', '0042-mirrors.md'], join(directory, 'rfcs')).code).toBe(0);
    const missing = specgate(['check', '--since', 'no-such-branch'], directory);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^specgate: --since no-such-branch needs a git repository: fatal: /);
  });
});

describe('specgate check --baseline FILE', () => {
  test('a saved JSON report is the baseline: what it lists is existing, a new spec is new', () => {
    const directory = repoWithOldRfc();
    const saved = specgate(['check', '--format', 'json'], directory).stdout;
    writeFileSync(join(directory, 'baseline.json'), saved);
    writeFile(directory, 'rfcs/0099-sources.md', spec('new-rfc'));
    const { code, stdout } = specgate(['check', '--baseline', 'baseline.json'], directory);
    expect(stdout).toContain('notice   existing: Section "Prior art" is missing.');
    expect(stdout).toContain('✖ 4 problems (2 errors, 2 notices): 1 of 2 specs incomplete.');
    expect(code).toBe(1);
  });

  test('a file that is not a report is a usage error, and --since with --baseline is one too', () => {
    const directory = repoWithOldRfc();
    writeFile(directory, 'baseline.json', '{"version": 1}');
    expect(specgate(['check', '--baseline', 'baseline.json'], directory)).toMatchObject({ code: 2, stderr: expect.stringContaining('not a specgate JSON report') });
    expect(specgate(['check', '--baseline', 'baseline.json', '--since', 'HEAD'], directory)).toMatchObject({ code: 2, stderr: expect.stringContaining('use one at a time') });
  });
});

describe('statuses, required_from and required_since in the CLI', () => {
  const statuses = `${CONFIG}statuses: { Draft: warnings, Accepted: all, Withdrawn: off }\n`;

  test('a Draft passes with warnings and the output names its status; Accepted fails; Withdrawn is not checked', () => {
    const directory = repoWithOldRfc(statuses);
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('draft-adr'));
    writeFile(directory, 'rfcs/0043-exports.md', spec('withdrawn-adr'));
    const draft = specgate(['check'], directory);
    expect(draft.stdout).toContain('rfcs/0042-mirrors.md  (status Draft: errors count as warnings)\n');
    expect(draft.stdout).toContain('✔ rfcs/0043-exports.md  (status withdrawn: not checked)\n');
    expect(draft.code).toBe(0);
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('accepted-adr'));
    const accepted = specgate(['check'], directory);
    expect(accepted.stdout).toContain('rfcs/0042-mirrors.md  (status Accepted: checked in full)\n');
    expect(accepted.code).toBe(1);
  });

  test('a pull request moving Draft to Accepted is checked at the new status, even with --since', () => {
    const directory = repoWithOldRfc(statuses);
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('draft-adr'));
    git(directory, 'commit', '--quiet', '-am', 'Draft');
    writeFile(directory, 'rfcs/0042-mirrors.md', spec('accepted-adr'));
    expect(specgate(['check', '--since', 'HEAD'], directory).code).toBe(1);
  });

  test('required_from and required_since: the notices say why a section was not required', () => {
    const config = `${CONFIG}statuses: { Draft: all, Accepted: all }\nsections:\n  Rollout: { required_from: Accepted }\n  Prior art: { required_since: 2023-06-01 }\n`;
    const directory = repoWithOldRfc(config);
    writeFile(directory, 'rfcs/0043-exports.md', spec('draft-adr'));
    const { code, stdout } = specgate(['check'], directory);
    expect(stdout).toContain('notice   Section "Prior art" is missing, and not required: this spec is dated 2019-03-10 (start-date, line 3)');
    expect(stdout).toContain(`notice   Section "Rollout" is missing, and not required: this spec's status is Draft (line 3)`);
    // The old RFC states no status: Rollout is required of it.
    expect(stdout).toContain('error    Section "Rollout" is missing.');
    expect(code).toBe(1);
  });
});
