/**
 * Point 9 of issue 13: each message says one thing, and says it right: a near miss says "rename"
 * and nothing else, plurals agree, section-order names where the section belongs, the
 * `placeholders` key says it replaces the defaults, and init points at docs that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
const lastLine = (stdout: string): string => stdout.trim().split('\n').at(-1)!;

describe('messages say one thing', () => {
  test('a near miss says to rename the heading, and not also where to add the section', () => {
    const { stdout } = specgate(['check', 'examples/specs/audit-log-export.md'], ROOT);
    const line = stdout.split('\n').find((text) => text.includes('"Acceptance Criteria"'))!;
    expect(line.trim()).toBe(
      '32  error    Section "Acceptance Criteria" is missing. "Acceptance Criterion" (line 32) looks like it: rename it to "Acceptance Criteria", or add an alias under sections: in the configuration: Acceptance Criteria: { aliases: [Acceptance Criterion] }  missing-section',
    );
  });

  test('section-order names the sections it belongs between', () => {
    const { stdout } = specgate(['check', 'docs/specs/billing.md'], repo('basic'));
    expect(stdout).toContain('Section "Motivation" is out of order: the template puts it after "Summary" and before "Design".');
  });
});

describe('plurals', () => {
  const without = (spec: string, name: string): string => spec.replace(new RegExp(`## \\d+\\. ${name}\\n[\\s\\S]*?(?=\\n## )`), '');
  const todo = (spec: string, count: number): string => spec.replace('(gateway ownership).', `(gateway ownership).${' TODO: more.'.repeat(count)}`).replace('Out of scope:', count > 1 ? 'FIXME Out of scope:' : 'Out of scope:');
  test.each([
    ['one error', without(COMPLETE, 'Security'), '✖ 1 error: 1 of 1 spec incomplete.'],
    ['two errors', without(without(COMPLETE, 'Security'), 'Rollout'), '✖ 2 errors: 1 of 1 spec incomplete.'],
    ['one warning', todo(COMPLETE, 1), '! 1 warning: 1 spec checked, all complete.'],
    ['two warnings', todo(COMPLETE, 2), '! 2 warnings: 1 spec checked, all complete.'],
    ['an error and a warning', todo(without(COMPLETE, 'Security'), 1), '✖ 2 problems (1 error, 1 warning): 1 of 1 spec incomplete.'],
  ])('%s: the summary counts agree with their nouns', (_, spec, summary) => {
    expect(lastLine(specgate(['check'], gitRepo({ 'docs/specs/spec.md': spec })).stdout)).toBe(summary);
  });

  test('two specs, one with errors and a warning', () => {
    const directory = gitRepo({ 'docs/specs/a.md': COMPLETE, 'docs/specs/b.md': readFileSync(join(ROOT, 'examples/specs/audit-log-export.md'), 'utf8') });
    expect(lastLine(specgate(['check'], directory).stdout)).toBe('✖ 7 problems (6 errors, 1 warning): 1 of 2 specs incomplete.');
  });
});

describe('placeholders: replaces the default list (TBD, TODO, FIXME, XXX and the rest)', () => {
  const spec = COMPLETE.replace('(gateway ownership).', '(gateway ownership). TODO: more. XXX: later.');
  test('the default list finds TODO and XXX; a configured list finds only its own tokens', () => {
    const defaults = specgate(['check'], gitRepo({ 'docs/specs/spec.md': spec })).stdout;
    expect(defaults).toContain('Placeholder "TODO", "XXX" left in "Context & Goal".');
    const configured = specgate(['check'], gitRepo({ '.github/specgate.yml': 'placeholders: [XXX]\n', 'docs/specs/spec.md': spec })).stdout;
    expect(configured).toContain('Placeholder "XXX" left in "Context & Goal".');
    expect(configured).not.toContain('"TODO"');
  });

  test('the configuration reference and the README say so', () => {
    expect(readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8')).toContain('A list here replaces the defaults, it does not add to them');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/placeholders: .*# replaces the defaults/);
  });
});

describe('specgate init', () => {
  test('prints the next step, and its comments point at online docs, not at files the user does not have', () => {
    const directory = gitRepo({});
    const { stdout } = specgate(['init'], directory);
    expect(stdout).toContain('Next:\n  specgate new docs/specs/my-feature.md   writes a spec from the template\n  specgate check   checks every spec\n');
    expect(stdout).toMatch(/Configuration reference: https:\/\/\S+\/docs\/configuration\.md\n$/);
    const config = readFileSync(join(directory, '.github/specgate.yml'), 'utf8');
    const comments = config.split('\n').filter((line) => line.startsWith('#') && /\.(md|json)\b/.test(line));
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(comment).toMatch(/https:\/\/\S+\.(md|json)/);
    expect(config).not.toMatch(/(^|\s)(docs\/configuration\.md|schema\/specgate\.schema\.json)/m);
  });

  test('run from a sub-folder, it writes at the repository root and names the files from there', () => {
    const directory = gitRepo({ 'docs/specs/.keep': '' });
    const { stdout } = specgate(['init'], join(directory, 'docs/specs'));
    expect(stdout.split('\n').slice(0, 2)).toEqual(['created ../../.github/specgate.yml', 'created TEMPLATE.md']);
    expect(readFileSync(join(directory, '.github/specgate.yml'), 'utf8')).toContain('paths:');
  });
});
