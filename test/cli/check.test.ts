import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo, repo, specgate } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

describe('specgate check', () => {
  test('the quick start: one complete and one incomplete example against the built-in template', () => {
    const { code, stdout } = specgate(['check', 'examples/specs'], ROOT);
    expect(code).toBe(1);
    expect(stdout).toContain('✔ examples/specs/api-rate-limits.md');
    expect(stdout).toMatch(/examples\/specs\/audit-log-export\.md\n\s+10\s+error\s+Section "Stakeholders" still holds only placeholders/);
    expect(stdout).toContain('Section "Acceptance Criteria" is missing. "Acceptance Criterion" (line 32) looks like it: rename it to "Acceptance Criteria"');
    expect(stdout.trim().split('\n').at(-1)).toBe('✖ 7 problems (6 errors, 1 warning): 1 of 2 specs incomplete.');
  });

  test('with no paths it checks the configured paths with the configured template', () => {
    const { code, stdout } = specgate(['check'], repo('basic'));
    expect(code).toBe(1);
    expect(stdout).toContain('docs/specs/billing.md');
    expect(stdout).toContain('✔ docs/specs/search.md');
    expect(stdout).not.toContain('notes/meeting.md');
    expect(stdout).not.toContain('TEMPLATE.md');
  });

  test('a complete spec exits 0', () => {
    const { code, stdout } = specgate(['check', 'docs/specs/search.md'], repo('basic'));
    expect(code).toBe(0);
    expect(stdout).toBe('✔ docs/specs/search.md\n✔ 1 spec checked: all complete.\n');
  });

  test('a glob argument, and --template overriding the configuration', () => {
    const { code, stdout } = specgate(['check', 'docs/specs/s*.md', '--template', join(FIXTURES, 'repos/basic/docs/specs/TEMPLATE.md')], repo('basic'));
    expect(code).toBe(0);
    expect(stdout).toContain('✔ docs/specs/search.md');
  });

  test('binary and non-UTF-8 files get a finding each, not a crash; BOM and CRLF are read as text', () => {
    const { code, stdout } = specgate(['check', '--format', 'json', 'test/fixtures/files'], ROOT);
    expect(code).toBe(1);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; line: number }> }> }).files;
    const rules = Object.fromEntries(files.map((file) => [file.path.split('/').at(-1), file.findings.map((finding) => finding.rule)]));
    expect(rules['binary.md']).toEqual(['not-text']);
    expect(rules['latin1.md']).toEqual(['not-text']);
    expect(rules['bom-crlf.md']).toContain('missing-section');
    expect(rules['bom-crlf.md']).not.toContain('not-text');
  });

  test('a file over max_file_size gets a file-too-large finding', () => {
    const directory = copyOfRepo('basic');
    writeFileSync(join(directory, '.github/specgate.yml'), 'paths: [docs/specs/**/*.md]\ntemplate: docs/specs/TEMPLATE.md\nmax_file_size: 100\n');
    const { code, stdout } = specgate(['check', '--format', 'json'], directory);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: Array<{ findings: Array<{ rule: string; message: string }> }> };
    expect(report.files.every((file) => file.findings[0]?.rule === 'file-too-large')).toBe(true);
    expect(report.files[0]!.findings[0]!.message).toMatch(/over the 100 B limit/);
  });

  test('a glob that matches no spec is exit 2, naming it; with --no-error-on-unmatched-pattern it is skipped', () => {
    const strict = specgate(['check', 'src/**/*.md'], ROOT);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toBe('specgate: No file matches the pattern "src/**/*.md". (--no-error-on-unmatched-pattern skips such an argument.)\n');
    const lenient = specgate(['check', 'src/**/*.md', '--no-error-on-unmatched-pattern'], ROOT);
    expect(lenient).toMatchObject({ code: 0, stdout: 'No spec files found.\n' });
  });
});

describe('specgate check: errors the user must fix exit 2 with file and line', () => {
  test('an unknown configuration key', () => {
    const { code, stderr, stdout } = specgate(['check'], repo('bad-config'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^specgate: \.github\/specgate\.yml:3: Unknown key "requird_sections"\. Known keys: _extends, paths, .*\.\n$/);
  });

  test('a configured template that does not exist', () => {
    const { code, stderr } = specgate(['check'], repo('missing-template'));
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: .github/specgate.yml:2: The template "docs/specs/TEMPLATE.md" does not exist.\n');
  });

  test('a --template file that does not exist', () => {
    const { code, stderr } = specgate(['check', 'examples/specs', '--template', 'nope.md'], ROOT);
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: The template "nope.md" does not exist.\n');
  });

  test('a --config file that does not exist', () => {
    const { code, stderr } = specgate(['check', '--config', 'missing.yml'], ROOT);
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: The configuration file "missing.yml" does not exist.\n');
  });

  test.each([
    [['check', '--format', 'xml'], 'specgate: Unknown format "xml". Formats: text, json, sarif, github, html.\n'],
    [['check', '--bogus'], 'specgate: Unknown option "--bogus". "specgate check --help" lists the options.\n'],
  ])('usage: %j says what is wrong in one line', (args, message) => {
    const { code, stderr } = specgate(args, ROOT);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  test.each([
    [['lint'], 'Unknown command "lint"'],
    [[], 'Name a command'],
  ])('usage: %j shows the usage', (args, message) => {
    const { code, stderr } = specgate(args, ROOT);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });

  test('a path that matches nothing', () => {
    const { code, stderr } = specgate(['check', 'no/such/spec.md'], ROOT);
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: "no/such/spec.md" does not exist. (--no-error-on-unmatched-pattern skips such an argument.)\n');
  });
});

describe('specgate check with templates named in front matter', () => {
  test('a spec is checked against the template its front matter names; an unknown name is a finding on its line', () => {
    const { code, stdout } = specgate(['check', '--format', 'json'], repo('named-templates'));
    expect(code).toBe(1);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; status: string; findings: Array<{ rule: string; line: number; message: string }> }> }).files;
    expect(files.map(({ path, status }) => ({ path, status }))).toEqual([
      { path: 'docs/specs/other.md', status: 'fail' },
      { path: 'docs/specs/search.md', status: 'pass' },
    ]);
    expect(files[0]!.findings).toEqual([expect.objectContaining({ rule: 'unknown-template', line: 2, message: expect.stringContaining('Did you mean "rfc"?') })]);
  });

  test('--template wins over front matter', () => {
    const { code, stdout } = specgate(['check', 'docs/specs/search.md', '--template', 'docs/rfc/TEMPLATE.md'], repo('named-templates'));
    expect(code).toBe(0);
    expect(stdout).toContain('✔ docs/specs/search.md');
  });
});
