import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const BUILTIN = readFileSync(join(ROOT, 'templates/default.md'), 'utf8');

describe('specgate template', () => {
  test('--raw prints the built-in template when none is configured, exactly as shipped', () => {
    const { code, stdout } = specgate(['template', '--raw'], ROOT);
    expect(code).toBe(0);
    expect(stdout).toBe(BUILTIN);
  });

  test('shows each section of the template in effect, whether it is required, and why', () => {
    const { code, stdout } = specgate(['template', '--template', 'test/fixtures/templates/optional-marks.md'], ROOT);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('test/fixtures/templates/optional-marks.md: 12 sections, 4 required (title: "Feature Template")');
    expect(lines).toContain(' 3  ## Summary  required: nothing in the template marks it optional');
    expect(lines).toContain(' 8  ## Decision Drivers  optional: marked optional by the comment above it, line 7');
    expect(lines).toContain('42  ### Key Entities  optional: marked optional by "(include if feature involves data)" in its heading');
    expect(lines).toContain('38  ## User Scenarios & Testing  required: marked required by "(mandatory)" in its heading');
  });

  test("the configuration's required: wins, and says so; a required part of an optional one says when it applies", () => {
    const { code, stdout } = specgate(['template'], repo('template-outline'));
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'TEMPLATE.md: 4 sections, 2 required (title: "RFC")',
        '',
        ' 3  ## Summary  required: nothing in the template marks it optional',
        ' 7  ## Motivation  optional: required: false in the configuration',
        '11  ## Alternatives  optional: marked optional by "(optional)" in its heading',
        '15  ### Rejected  required, when "Alternatives" is there: nothing in the template marks it optional',
        '',
      ].join('\n'),
    );
  });

  test('--raw prints the configured template', () => {
    const { code, stdout } = specgate(['template', '--raw'], repo('basic'));
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(repo('basic'), 'docs/specs/TEMPLATE.md'), 'utf8'));
  });
});

describe('specgate init', () => {
  test('writes a starter configuration and template that check cleanly together', () => {
    const directory = copyOfRepo('missing-template');
    const { code, stdout } = specgate(['init'], directory);
    expect(code).toBe(0);
    // The fixture has a configuration already: init keeps it and adds the template it names.
    expect(stdout.split('\n').slice(0, 2)).toEqual(['exists, left as it is: .github/specgate.yml', 'created docs/specs/TEMPLATE.md']);
    expect(readFileSync(join(directory, 'docs/specs/TEMPLATE.md'), 'utf8')).toBe(BUILTIN);
    expect(specgate(['check'], directory).code).toBe(1);
  });

  test('in an empty repository it creates both files, and a second run changes nothing', () => {
    const directory = copyOfRepo('missing-template');
    const config = join(directory, '.github/specgate.yml');
    rmSync(config);
    const first = specgate(['init'], directory);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual(['created .github/specgate.yml', 'created docs/specs/TEMPLATE.md']);
    const written = readFileSync(config, 'utf8');
    const second = specgate(['init'], directory);
    expect(second.stdout.split('\n').slice(0, 2)).toEqual(['exists, left as it is: .github/specgate.yml', 'exists, left as it is: docs/specs/TEMPLATE.md']);
    expect(readFileSync(config, 'utf8')).toBe(written);
    expect(existsSync(join(directory, 'docs/specs/TEMPLATE.md'))).toBe(true);
    const check = specgate(['check'], directory);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('docs/specs/one.md');
    expect(check.stdout).not.toContain('TEMPLATE.md');
  });
});
