/**
 * Point 4 of issue 13: a time (and memory) bound per file in the CLI, as the app has. A file that
 * would take seconds to parse gets a too-complex finding; the files after it are checked as usual.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specgate } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string; message: string }> }>;
}

/**
 * 600 levels of nested lists (over 10 s of parsing on this project's 2-core machine), sorted before
 * an ordinary incomplete spec (milliseconds): a 3 s limit parts them with room on both sides.
 */
function specsWithOnePathological(): string {
  const directory = mkdtempSync(join(tmpdir(), 'specgate-limits-'));
  mkdirSync(join(directory, 'docs/specs'), { recursive: true });
  copyFileSync(join(FIXTURES, 'hostile/deep-nesting.md'), join(directory, 'docs/specs/a-deep-nesting.md'));
  copyFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), join(directory, 'docs/specs/b-audit-log-export.md'));
  return directory;
}

describe('specgate check: a time bound per file', () => {
  test('the file over SPECGATE_CHECK_TIMEOUT_MS gets one too-complex finding, and the next file is checked in full', () => {
    const directory = specsWithOnePathological();
    const { code, stdout } = specgate(['check', '--format', 'json'], directory, { SPECGATE_CHECK_TIMEOUT_MS: '3000' });
    expect(code).toBe(1);
    const [deep, ordinary] = (JSON.parse(stdout) as JsonReport).files;
    expect(deep).toEqual({
      path: 'docs/specs/a-deep-nesting.md',
      template: 'built-in',
      status: 'fail',
      findings: [
        {
          rule: 'too-complex',
          severity: 'error',
          section: '(file)',
          line: 1,
          message: 'Checking this file took more than 3 s, so it was not checked. Simplify its structure (very deep or very long nested lists, for example) or split it.',
        },
      ],
    });
    // The stopped thread was replaced: the ordinary spec has the findings it has on its own.
    const alone = JSON.parse(specgate(['check', '--format', 'json', 'docs/specs/b-audit-log-export.md'], directory).stdout) as JsonReport;
    expect(ordinary).toEqual(alone.files[0]);
    expect(ordinary!.findings.map((finding) => finding.rule)).toContain('missing-section');
  });

  test('the text report says so on the file, and the summary counts it as an incomplete spec', () => {
    const { stdout } = specgate(['check', 'docs/specs/a-deep-nesting.md'], specsWithOnePathological(), { SPECGATE_CHECK_TIMEOUT_MS: '3000' });
    expect(stdout).toBe(
      [
        'docs/specs/a-deep-nesting.md',
        '  1  error    Checking this file took more than 3 s, so it was not checked. Simplify its structure (very deep or very long nested lists, for example) or split it.  too-complex',
        '',
        '✖ 1 error: 1 of 1 spec incomplete.',
        '',
      ].join('\n'),
    );
  });
});
