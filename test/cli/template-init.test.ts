import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const BUILTIN = readFileSync(join(ROOT, 'templates/default.md'), 'utf8');

describe('specgate template', () => {
  test('prints the built-in template when none is configured, exactly as shipped', () => {
    const { code, stdout } = specgate(['template'], ROOT);
    expect(code).toBe(0);
    expect(stdout).toBe(BUILTIN);
  });

  test('the built-in template is the seed template, verbatim', () => {
    expect(BUILTIN).toBe(readFileSync(join(ROOT, '..', 'shared', 'seed-spec-template.md'), 'utf8'));
  });

  test('prints the configured template', () => {
    const { code, stdout } = specgate(['template'], repo('basic'));
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
