/**
 * Point 4 of issue 13: one pathological file cannot hang the CLI. Each file is checked in a worker
 * thread of the same pool the app uses (src/pipeline/check-pool.ts), under a time and memory bound;
 * the deadline itself is tested with a fake clock in test/app/hostile.test.ts, so nothing here
 * depends on how fast the machine is. What a CLI user sees is tested here: the file the core cannot
 * follow gets one too-complex finding, and the files after it are checked as usual.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limitsFromEnvironment } from '../../src/pipeline/check-thread.js';
import { specgate } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string; message: string }> }>;
}

/** 600 levels of nested lists, sorted before an ordinary incomplete spec. */
function specsWithOnePathological(): string {
  const directory = mkdtempSync(join(tmpdir(), 'specgate-limits-'));
  mkdirSync(join(directory, 'docs/specs'), { recursive: true });
  copyFileSync(join(FIXTURES, 'hostile/deep-nesting.md'), join(directory, 'docs/specs/a-deep-nesting.md'));
  copyFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), join(directory, 'docs/specs/b-audit-log-export.md'));
  return directory;
}

describe('specgate check: a pathological file', () => {
  test('gets one too-complex finding on the line where the nesting passes the bound, and the next file is checked in full', () => {
    const directory = specsWithOnePathological();
    const { code, stdout } = specgate(['check', '--format', 'json'], directory);
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
          line: 103,
          message:
            'The document nests lists and quotes deeper than specgate reads (200 levels, a list counting two). It was not checked: flatten the nesting or split the file.',
        },
      ],
    });
    const alone = JSON.parse(specgate(['check', '--format', 'json', 'docs/specs/b-audit-log-export.md'], directory).stdout) as JsonReport;
    expect(ordinary).toEqual(alone.files[0]);
    expect(ordinary!.findings.map((finding) => finding.rule)).toContain('missing-section');
  });

  test('the text report says so on the file, and the summary counts it as an incomplete spec', () => {
    const { stdout } = specgate(['check', 'docs/specs/a-deep-nesting.md'], specsWithOnePathological());
    expect(stdout).toBe(
      [
        'docs/specs/a-deep-nesting.md',
        '  103  error    The document nests lists and quotes deeper than specgate reads (200 levels, a list counting two). It was not checked: flatten the nesting or split the file.  too-complex',
        '',
        '✖ 1 error: 1 of 1 spec incomplete.',
        '',
      ].join('\n'),
    );
  });

  test('SPECGATE_CHECK_TIMEOUT_MS and SPECGATE_CHECK_MEMORY_MB set the bound; nonsense keeps the defaults', () => {
    expect(limitsFromEnvironment({ SPECGATE_CHECK_TIMEOUT_MS: '3000', SPECGATE_CHECK_MEMORY_MB: '64', SPECGATE_CHECK_THREADS: '1' })).toEqual({
      timeoutMs: 3000,
      memoryMb: 64,
      threads: 1,
    });
    expect(limitsFromEnvironment({ SPECGATE_CHECK_TIMEOUT_MS: 'soon', SPECGATE_CHECK_MEMORY_MB: '-1' })).toMatchObject({ timeoutMs: 10_000, memoryMb: 256 });
  });
});
