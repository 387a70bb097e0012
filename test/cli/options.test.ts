/**
 * Point 8 of issue 13: --max-warnings, --fail-on (as the Action has), --quiet, short flags, and an
 * unknown option answered with a did-you-mean and exit 2, never Node's parser text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
const INCOMPLETE = readFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), 'utf8');
/** Complete, but for one placeholder left in its text: one warning, no error. */
const ONE_WARNING = COMPLETE.replace('Background: ADR-0012 (gateway ownership).', 'Background: ADR-0012 (gateway ownership). TODO: link the incidents.');

const repoWith = (spec: string): string => gitRepo({ 'docs/specs/spec.md': spec });

describe('what fails a run', () => {
  test('a warning alone passes by default, as the Action does', () => {
    const { code, stdout } = specgate(['check'], repoWith(ONE_WARNING));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('! 1 warning: 1 spec checked, all complete.');
  });

  test.each([
    [['--max-warnings', '0'], 1, 'specgate: 1 warning: more than --max-warnings 0 allows.\n'],
    [['--max-warnings', '1'], 0, ''],
    [['--fail-on', 'warning'], 1, 'specgate: 1 warning, and --fail-on warning counts warnings as errors.\n'],
    [['--fail-on', 'error'], 0, ''],
  ])('one warning with %j: exit %i', (flags, code, stderr) => {
    expect(specgate(['check', ...flags], repoWith(ONE_WARNING))).toMatchObject({ code, stderr });
  });

  test('--fail-on never reports errors and exits 0; a configuration error still exits 2', () => {
    const report = specgate(['check', '--fail-on', 'never'], repoWith(INCOMPLETE));
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('6 errors');
    expect(specgate(['check', '--fail-on', 'never'], repo('bad-config')).code).toBe(2);
  });
});

describe('--quiet', () => {
  test('shows errors only; the exit code is the same', () => {
    const loud = specgate(['check'], repoWith(INCOMPLETE));
    const quiet = specgate(['check', '-q'], repoWith(INCOMPLETE));
    expect(loud.stdout).toContain('warning  Placeholder "TODO" left in "Data Model"');
    expect(quiet.stdout).not.toContain('warning');
    expect(quiet.stdout.trim().split('\n').at(-1)).toBe('✖ 6 errors: 1 of 1 spec incomplete.');
    expect(quiet.code).toBe(loud.code);
  });

  test('a warning it hides still counts for --max-warnings, and the reason is printed', () => {
    expect(specgate(['check', '--quiet', '--max-warnings', '0'], repoWith(ONE_WARNING))).toMatchObject({ code: 1, stderr: 'specgate: 1 warning: more than --max-warnings 0 allows.\n' });
  });
});

describe('short flags', () => {
  test('-f, -c, -t and -o mean --format, --config, --template and --output-file', () => {
    const directory = gitRepo({ 'docs/specs/spec.md': INCOMPLETE, 'ci/specgate.yml': 'paths: [docs/specs/*.md]\n', 'ci/TEMPLATE.md': '# T\n\n## Context & Goal\n\nWhy.\n' });
    const long = specgate(['check', '--format', 'json', '--config', 'ci/specgate.yml', '--template', 'ci/TEMPLATE.md'], directory);
    const short = specgate(['check', '-f', 'json', '-c', 'ci/specgate.yml', '-t', 'ci/TEMPLATE.md'], directory);
    expect(short).toEqual(long);
    expect(JSON.parse(short.stdout).files[0].template).toBe('ci/TEMPLATE.md');
    const toFile = specgate(['check', '-f', 'json', '-c', 'ci/specgate.yml', '-t', 'ci/TEMPLATE.md', '-o', 'report.json'], directory);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(join(directory, 'report.json'), 'utf8')).toBe(long.stdout);
  });
});

describe('a command line that is wrong: one sentence, exit 2', () => {
  test.each([
    [['check', '--stagd'], 'Unknown option "--stagd". Did you mean "--staged"? "specgate check --help" lists the options.'],
    [['check', '--max-warning', '0'], 'Unknown option "--max-warning". Did you mean "--max-warnings"? "specgate check --help" lists the options.'],
    [['check', '--formt=json'], 'Unknown option "--formt". Did you mean "--format"? "specgate check --help" lists the options.'],
    [['check', '-x'], 'Unknown option "-x". "specgate check --help" lists the options.'],
    [['new', 'docs/specs/x.md', '--staged'], '"new" does not take --staged. "specgate new --help" lists the options.'],
    [['check', '--format'], '--format needs a value.'],
    [['check', '--quiet=yes'], '--quiet takes no value.'],
    [['check', '--fail-on', 'warnings'], '--fail-on takes error, warning, never, not "warnings". Did you mean "warning"?'],
    [['check', '--max-warnings', 'ten'], '--max-warnings takes a whole number of warnings (0 or more), not "ten".'],
    [['check', '--dry-run'], '--dry-run goes with --fix (or the fix command).'],
    [['chekc'], 'Unknown command "chekc". Did you mean "check"? Commands: check, fix, new, template, init, waivers.'],
  ])('%j', (args, message) => {
    const { code, stdout, stderr } = specgate(args, repo('basic'));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe(`specgate: ${message}`);
    expect(stderr).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS|at parseArgs/);
  });

  test('--help and help print the usage, exit 0', () => {
    for (const args of [['--help'], ['help'], ['check', '-h']]) {
      const { code, stdout } = specgate(args, repo('basic'));
      expect(code).toBe(0);
      expect(stdout).toContain('--max-warnings N');
    }
  });
});
