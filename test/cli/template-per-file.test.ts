/**
 * Point 3 of issue 13: the output names, per file, the template it was checked against, and
 * `specgate template --for PATH` prints the template PATH gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const BUILTIN = readFileSync(join(ROOT, 'templates/default.md'), 'utf8');
const RFC_TEMPLATE = readFileSync(join(repo('named-templates'), 'docs/rfc/TEMPLATE.md'), 'utf8');

/** The named-templates fixture, plus an ADR folder with a template of its own (`templates:`). */
function repoWithThreeTemplates(): string {
  return gitRepo(
    {
      '.github/specgate.yml': 'named_templates:\n  rfc: docs/rfc/TEMPLATE.md\ntemplates:\n  docs/adr/**: docs/adr/TEMPLATE.md\n',
      'docs/adr/TEMPLATE.md': '# ADR\n\n## Decision\n\nWhat we decided.\n',
      'docs/adr/0001-use-postgres.md': '# Use Postgres\n\n## Decision\n\nPostgres, for its transactions.\n',
      'docs/specs/plain.md': BUILTIN,
    },
    'named-templates',
  );
}

describe('per-file templates in the report', () => {
  test('the JSON report gives each file its template: front matter, a templates glob, or the built-in one', () => {
    const { stdout } = specgate(['check', '--format', 'json', 'docs'], repoWithThreeTemplates());
    const report = JSON.parse(stdout) as { version: number; files: Array<{ path: string; template: string }> };
    expect(report.version).toBe(1);
    expect(report.files.map(({ path, template }) => [path, template])).toEqual([
      ['docs/adr/0001-use-postgres.md', 'docs/adr/TEMPLATE.md'],
      ['docs/specs/other.md', 'rfcs (unknown)'],
      ['docs/specs/plain.md', 'built-in'],
      ['docs/specs/search.md', 'docs/rfc/TEMPLATE.md'],
    ]);
  });

  test("the text report names each file's template when the run has more than one", () => {
    const { stdout } = specgate(['check', 'docs'], repoWithThreeTemplates());
    expect(stdout).toContain('✔ docs/adr/0001-use-postgres.md  (template: docs/adr/TEMPLATE.md)\n');
    expect(stdout).toContain('✔ docs/specs/search.md  (template: docs/rfc/TEMPLATE.md)\n');
    // With one template, as in most runs, the lines stay short.
    expect(specgate(['check', 'docs/adr'], repoWithThreeTemplates()).stdout).toContain('✔ docs/adr/0001-use-postgres.md\n');
  });
});

describe('specgate template --for PATH', () => {
  test('shows the outline of the template PATH gets: its sections, required or not, and why', () => {
    const { stdout } = specgate(['template', '--for', 'docs/adr/0001-use-postgres.md'], repoWithThreeTemplates());
    expect(stdout.split('\n')[0]).toBe('docs/adr/TEMPLATE.md: 1 section, 1 required (title: "ADR")');
    expect(stdout).toMatch(/3 {2}## Decision {2}required/);
  });


  test.each([
    ['a spec whose front matter names a template', 'docs/specs/search.md', RFC_TEMPLATE],
    ['a spec under a templates glob', 'docs/adr/0001-use-postgres.md', '# ADR\n\n## Decision\n\nWhat we decided.\n'],
    ['a path that does not exist yet, under that glob', 'docs/adr/0002-new.md', '# ADR\n\n## Decision\n\nWhat we decided.\n'],
    ['any other spec', 'docs/specs/plain.md', BUILTIN],
  ])('%s: --raw prints the template it gets', (_, path, expected) => {
    const { code, stdout, stderr } = specgate(['template', '--raw', '--for', path], repoWithThreeTemplates());
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(expected);
  });

  test('from a sub-folder, the path is relative to where specgate runs', () => {
    const directory = repoWithThreeTemplates();
    expect(specgate(['template', '--raw', '--for', 'search.md'], join(directory, 'docs/specs')).stdout).toBe(RFC_TEMPLATE);
  });

  test('a front matter that names an unknown template is exit 2, with the line and the nearest name', () => {
    const { code, stderr } = specgate(['template', '--for', 'docs/specs/other.md'], repoWithThreeTemplates());
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: docs/specs/other.md:2: the front matter names the template "rfcs", which "named_templates" does not define. Did you mean "rfc"?\n');
  });
});
