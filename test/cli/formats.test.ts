import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

interface JsonReport {
  version: number;
  template: string;
  files: Array<{ path: string; template: string; status: string; findings: Array<Record<string, unknown>> }>;
  summary: Record<string, number>;
}

describe('specgate check --format', () => {
  test('json has exactly the documented shape', () => {
    const { code, stdout } = specgate(['check', '--format', 'json'], repo('basic'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report).toEqual({
      version: 1,
      template: 'docs/specs/TEMPLATE.md',
      files: [
        {
          path: 'docs/specs/billing.md',
          template: 'docs/specs/TEMPLATE.md',
          status: 'fail',
          findings: [
            { rule: 'placeholder-section', severity: 'error', section: 'Design', line: 6, message: 'Section "Design" still holds only placeholders. Replace it with the real content.' },
            { rule: 'short-section', severity: 'warning', section: 'Security', line: 9, message: 'Section "Security" has 3 words; the configuration asks for at least 8.' },
            { rule: 'section-order', severity: 'notice', section: 'Motivation', line: 12, message: 'Section "Motivation" is out of order: the template puts it after "Summary" and before "Design".' },
          ],
        },
        { path: 'docs/specs/search.md', template: 'docs/specs/TEMPLATE.md', status: 'pass', findings: [] },
      ],
      summary: { files: 2, failed: 1, errors: 1, warnings: 1 },
    });
  });

  test('sarif is SARIF 2.1.0 with a rule table and one result per finding', () => {
    const { stdout } = specgate(['check', '--format', 'sarif'], repo('basic'));
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('specgate');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['missing-section', 'placeholder-section', 'not-text', 'file-too-large']));
    // Every rule links to its page in this repository.
    for (const rule of run.tool.driver.rules as Array<{ id: string; helpUri: string }>) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/blob/main/docs/rules/${rule.id}\\.md$`));
      expect(existsSync(join(ROOT, 'docs/rules', `${rule.id}.md`))).toBe(true);
    }
    expect(run.results).toHaveLength(3);
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: 'placeholder-section',
      level: 'error',
      message: { text: expect.stringContaining('Design') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/specs/billing.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 6 } } }],
    });
    expect(ruleIds[first.ruleIndex]).toBe('placeholder-section');
    expect(run.results.map((result: { level: string }) => result.level)).toEqual(['error', 'warning', 'note']);
  });

  test('github prints workflow commands GitHub turns into annotations', () => {
    const { stdout } = specgate(['check', '--format', 'github'], repo('basic'));
    expect(stdout.split('\n')).toEqual([
      '::error file=docs/specs/billing.md,line=6,title=specgate placeholder-section::Section "Design" still holds only placeholders. Replace it with the real content.',
      '::warning file=docs/specs/billing.md,line=9,title=specgate short-section::Section "Security" has 3 words; the configuration asks for at least 8.',
      '::notice file=docs/specs/billing.md,line=12,title=specgate section-order::Section "Motivation" is out of order: the template puts it after "Summary" and before "Design".',
      '',
    ]);
  });
});
