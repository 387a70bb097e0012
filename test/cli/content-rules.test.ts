/**
 * Issue 14, part 5 through the CLI: the built-in template's content rules (Acceptance Criteria holds
 * a list; Rollout says how it rolls back) are warnings on the spec's own lines, and the spec still
 * passes; a repository's `forbid` is its own warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, specgate } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const COMPLETE = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
const WITHOUT_ROLLBACK = COMPLETE.replace('Rolling back is a feature flag; enforcement stops within a minute.', 'Enforcement stops within a minute of the flag turning off.');

describe('specgate check: content rules per section', () => {
  test('a complete spec meets the built-in content rules: no finding at all', () => {
    const { code, stdout } = specgate(['check', '-f', 'json'], gitRepo({ 'docs/specs/rate-limits.md': COMPLETE }));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: Array<{ findings: unknown[] }> }).files[0]!.findings).toEqual([]);
  });

  test('a rollout that never says how to roll back is a missing-content warning on its heading, and the spec passes', () => {
    const { code, stdout } = specgate(['check'], gitRepo({ 'docs/specs/rate-limits.md': WITHOUT_ROLLBACK }));
    expect(code).toBe(0);
    expect(stdout).toContain('54  warning  Section "Rollout" does not mention any of "rollback", "roll back", "rolling back", "rolled back", "revert"; the configuration asks it to.  missing-content');
  });

  test("a repository's forbid list is a forbidden-phrase warning; --fail-on warning makes it fail", () => {
    const directory = gitRepo({ '.github/specgate.yml': 'sections:\n  Rollout: { forbid: [shadow mode] }\n', 'docs/specs/rate-limits.md': COMPLETE });
    const { code, stdout } = specgate(['check', '--fail-on', 'warning'], directory);
    expect(code).toBe(1);
    expect(stdout).toContain('forbidden-phrase');
    expect(stdout).toContain('Section "Rollout" says "shadow mode", which the configuration forbids.');
  });
});
