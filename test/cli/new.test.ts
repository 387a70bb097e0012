/**
 * Point 6 of issue 13: `specgate new PATH [--template NAME]` writes a new spec from the template
 * PATH would get, front matter included, and never overwrites a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const BUILTIN = readFileSync(join(ROOT, 'templates/default.md'), 'utf8');
const ADR_TEMPLATE = '---\nstatus: proposed\n---\n# ADR\n\n## Decision\n\nWhat we decided.\n';
const RFC_TEMPLATE = '# RFC\n\n## Motivation\n\nWhy.\n';

function repo(): string {
  return gitRepo({
    '.github/specgate.yml': 'paths: [docs/**/*.md]\ntemplates:\n  docs/adr/**: docs/adr/TEMPLATE.md\nnamed_templates:\n  rfc: docs/rfc/TEMPLATE.md\n',
    'docs/adr/TEMPLATE.md': ADR_TEMPLATE,
    'docs/rfc/TEMPLATE.md': RFC_TEMPLATE,
  });
}

const read = (directory: string, path: string): string => readFileSync(join(directory, path), 'utf8');

describe('specgate new', () => {
  test('writes the template PATH gets (its front matter too), says what it did and what comes next', () => {
    const directory = repo();
    const { code, stdout } = specgate(['new', 'docs/adr/0007-queues.md'], directory);
    expect(code).toBe(0);
    expect(read(directory, 'docs/adr/0007-queues.md')).toBe(ADR_TEMPLATE);
    expect(stdout).toBe('created docs/adr/0007-queues.md from docs/adr/TEMPLATE.md\nNext: write each section in place of its guidance, then run: specgate check docs/adr/0007-queues.md\n');
  });

  test('a path no glob names gets the built-in template, and its folders are created', () => {
    const directory = repo();
    expect(specgate(['new', 'docs/specs/payments/refunds.md'], directory).code).toBe(0);
    expect(read(directory, 'docs/specs/payments/refunds.md')).toBe(BUILTIN);
  });

  test('--template NAME takes a named template and writes its name into the front matter, so check holds the spec to it', () => {
    const directory = repo();
    const { code } = specgate(['new', 'docs/specs/search.md', '-t', 'rfc'], directory);
    expect(code).toBe(0);
    expect(read(directory, 'docs/specs/search.md')).toBe(`---\ntemplate: rfc\n---\n\n${RFC_TEMPLATE}`);
    const check = JSON.parse(specgate(['check', '--format', 'json', 'docs/specs/search.md'], directory).stdout) as { files: Array<{ template: string }> };
    expect(check.files[0]!.template).toBe('docs/rfc/TEMPLATE.md');
  });

  test('a named template that has front matter gets the name added to it', () => {
    const directory = gitRepo({ '.github/specgate.yml': 'named_templates:\n  adr: docs/adr/TEMPLATE.md\n', 'docs/adr/TEMPLATE.md': ADR_TEMPLATE });
    expect(specgate(['new', 'docs/specs/queues.md', '--template', 'adr'], directory).code).toBe(0);
    expect(read(directory, 'docs/specs/queues.md')).toBe('---\nstatus: proposed\ntemplate: adr\n---\n# ADR\n\n## Decision\n\nWhat we decided.\n');
  });

  test('refuses to overwrite a file, exit 2, and points at fix', () => {
    const directory = repo();
    specgate(['new', 'docs/adr/0007-queues.md'], directory);
    const { code, stderr } = specgate(['new', 'docs/adr/0007-queues.md', '-t', 'rfc'], directory);
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: docs/adr/0007-queues.md exists, so specgate new left it as it is. "specgate fix docs/adr/0007-queues.md" adds the sections it is missing.\n');
    expect(read(directory, 'docs/adr/0007-queues.md')).toBe(ADR_TEMPLATE);
  });

  test('an unknown template name is exit 2 with the nearest name and the list', () => {
    const { code, stderr } = specgate(['new', 'docs/specs/x.md', '--template', 'rcf'], repo());
    expect(code).toBe(2);
    expect(stderr).toBe('specgate: "rcf" is neither a named template nor a file. Did you mean "rfc"? Named templates: rfc.\n');
  });

  test('a path outside the spec paths is written, with a note that check will not find it by itself', () => {
    const { code, stdout } = specgate(['new', 'notes/idea.md'], repo());
    expect(code).toBe(0);
    expect(stdout).toContain('note: notes/idea.md is not under the configured spec paths (docs/**/*.md), so "specgate check" with no paths will not check it.');
  });
});
