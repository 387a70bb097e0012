/**
 * Point 5 of issue 13: `specgate fix` (and `check --fix`) inserts the missing sections with their
 * guidance, in template order, keeping every other byte (the code of `/spec-template fill`), and
 * `--dry-run` prints the change as a unified diff that `git apply` takes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitRepo, specgate } from '../helpers/cli.js';
import { fixture, ROOT } from '../helpers/fixtures.js';

const SPEC = 'docs/specs/audit-log-export.md';
const ORIGINAL = readFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), 'utf8');
/** The example spec with Orchestration (before Security) and Open Questions (at the end) filled in. */
const FILLED = fixture('cli/fix/audit-log-export.filled.md');

const specIn = (directory: string): string => readFileSync(join(directory, SPEC), 'utf8');

describe('specgate fix', () => {
  test('inserts each missing section with its guidance where the template puts it, then reports what is left', () => {
    const directory = gitRepo({ [SPEC]: ORIGINAL });
    const { code, stdout, stderr } = specgate(['fix'], directory);
    expect(specIn(directory)).toBe(FILLED);
    expect(stderr).toBe(`fixed ${SPEC}: added "Orchestration", "Open Questions"\n`);
    // What is left is the author's to write, and a near miss to rename (fix never renames a heading).
    expect(code).toBe(1);
    expect(stdout).toContain('Section "Orchestration" is empty.');
    expect(stdout).toContain('looks like it: rename it to "Acceptance Criteria"');
    expect(stdout).not.toContain('is missing. Add it');
  });

  test('a second run has nothing to add and changes nothing', () => {
    const directory = gitRepo({ [SPEC]: FILLED });
    const { stderr } = specgate(['fix'], directory);
    expect(stderr).toBe('');
    expect(specIn(directory)).toBe(FILLED);
  });

  test('check --fix does the same as fix', () => {
    const directory = gitRepo({ [SPEC]: ORIGINAL });
    const fixed = specgate(['check', '--fix'], directory);
    expect(specIn(directory)).toBe(FILLED);
    const again = gitRepo({ [SPEC]: ORIGINAL });
    expect(specgate(['fix'], again)).toEqual(fixed);
  });

  test('a BOM and CRLF line endings are kept: only insertions, in the file\'s own line endings', () => {
    const crlf = (text: string): string => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const directory = gitRepo({ [SPEC]: crlf(ORIGINAL) });
    specgate(['fix'], directory);
    expect(specIn(directory)).toBe(crlf(FILLED));
  });

  test('fix --dry-run writes nothing and prints a unified diff of insertions only, which git apply turns into the fix', () => {
    const directory = gitRepo({ [SPEC]: ORIGINAL });
    const { code, stdout } = specgate(['fix', '--dry-run'], directory);
    expect(code).toBe(1);
    expect(specIn(directory)).toBe(ORIGINAL);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([`--- a/${SPEC}`, `+++ b/${SPEC}`, '@@ -22,6 +22,14 @@']);
    expect(lines.filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual([]);
    writeFileSync(join(directory, 'fix.patch'), stdout);
    git(directory, 'apply', 'fix.patch');
    expect(specIn(directory)).toBe(FILLED);
  });

  test('with nothing to add, --dry-run prints nothing and exits 0', () => {
    const { code, stdout } = specgate(['fix', '--dry-run'], gitRepo({ [SPEC]: FILLED }));
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
  });

  test('--fix and --staged do not go together: one edits the working tree, the other checks the index', () => {
    const { code, stderr } = specgate(['check', '--fix', '--staged'], gitRepo({ [SPEC]: ORIGINAL }));
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: --fix edits the working tree, --staged checks the index: use one at a time.\n');
  });
});
