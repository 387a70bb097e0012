/**
 * Point 2 of issue 13: an argument that matches no spec is exit 2 with a message naming it, as
 * eslint answers, unless --no-error-on-unmatched-pattern; never "No spec files found." and exit 0.
 */
import { copyOfRepo, repo, specgate } from '../helpers/cli.js';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = ' (--no-error-on-unmatched-pattern skips such an argument.)';

describe('an argument that matches no spec', () => {
  test.each([
    ['a glob', 'docs/spec/*.md', `No file matches the pattern "docs/spec/*.md".${SKIP}`],
    ['a file that does not exist', 'docs/specs/serach.md', `"docs/specs/serach.md" does not exist.${SKIP}`],
    ['a glob whose every match is ignored', 'docs/**/TEMPLATE.md', `Every file "docs/**/TEMPLATE.md" matches is ignored (the configuration's "ignore", or a template).${SKIP}`],
  ])('%s is exit 2, naming it', (_, arg, message) => {
    const { code, stdout, stderr } = specgate(['check', arg], repo('basic'));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `specgate: ${message}\n` });
  });

  test('a folder whose only markdown is ignored is exit 2; a file named outright is checked as given', () => {
    const directory = copyOfRepo('basic');
    mkdirSync(join(directory, 'docs/drafts'));
    copyFileSync(join(directory, 'docs/specs/TEMPLATE.md'), join(directory, 'docs/drafts/TEMPLATE.md'));
    const folder = specgate(['check', 'docs/drafts'], directory);
    expect(folder).toMatchObject({ code: 2, stderr: `specgate: Every file "docs/drafts" matches is ignored (the configuration's "ignore", or a template).${SKIP}\n` });
    const file = specgate(['check', 'docs/drafts/TEMPLATE.md'], directory);
    expect(file.code).toBe(1);
    expect(file.stdout).toContain('docs/drafts/TEMPLATE.md');
  });

  test('a folder with no markdown in it is exit 2', () => {
    const directory = copyOfRepo('basic');
    mkdirSync(join(directory, 'docs/empty'));
    const { code, stderr } = specgate(['check', 'docs/empty'], directory);
    expect(code).toBe(2);
    expect(stderr).toBe(`specgate: The folder "docs/empty" holds no markdown file.${SKIP}\n`);
  });

  test('one unmatched argument among good ones still fails the run: a typo never passes quietly', () => {
    const { code, stdout, stderr } = specgate(['check', 'docs/specs/search.md', 'docs/specs/serach.md'], repo('basic'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"docs/specs/serach.md" does not exist.');
  });

  test('--no-error-on-unmatched-pattern skips it and checks the rest', () => {
    const { code, stdout, stderr } = specgate(['check', 'docs/specs/search.md', 'docs/spec/*.md', '--no-error-on-unmatched-pattern'], repo('basic'));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('✔ docs/specs/search.md\n✔ 1 spec checked: all complete.\n');
  });

  test('the same holds for fix', () => {
    const { code, stderr } = specgate(['fix', 'docs/spec/*.md'], repo('basic'));
    expect(code).toBe(2);
    expect(stderr).toContain('No file matches the pattern "docs/spec/*.md".');
  });
});
