import type { Finding } from '../../src/core/types.js';
import { ownersOf } from '../../src/waivers/codeowners.js';
import { readWaivers, withWaivers } from '../../src/waivers/record.js';
import { applyWaivers, sectionHash, type Waiver } from '../../src/waivers/waivers.js';

const SPEC = '# Search\n\n## Summary\n\nRank by clicks.\n\n## 3. Rollout\n\n## Open Questions\n\nNone.\n';
const EMPTY_ROLLOUT: Finding = { rule: 'empty-section', severity: 'error', section: 'Rollout', line: 7, message: 'Section "Rollout" is empty.' };
const waiver = (text: string, extra: Partial<Waiver> = {}): Waiver => ({
  path: 'docs/specs/search.md',
  section: 'Rollout',
  by: 'octocat',
  reason: 'ships dark',
  at: '2026-01-02T03:04:05.000Z',
  contentHash: sectionHash(text, 'Rollout'),
  ...extra,
});

describe('a waiver covers one section of one spec while its text stays the same', () => {
  test("the section's findings become notices that say who waived it and why", () => {
    const result = applyWaivers({ path: 'docs/specs/search.md', findings: [EMPTY_ROLLOUT], text: SPEC }, [waiver(SPEC)]);
    expect(result.findings).toEqual([{ ...EMPTY_ROLLOUT, severity: 'notice', message: 'Waived by @octocat: ships dark (Section "Rollout" is empty.)' }]);
    expect(result.applied).toHaveLength(1);
  });

  test('an edit elsewhere in the spec keeps it; an edit to the section ends it', () => {
    const elsewhere = SPEC.replace('Rank by clicks.', 'Rank by clicks and text.');
    expect(applyWaivers({ path: 'docs/specs/search.md', findings: [EMPTY_ROLLOUT], text: elsewhere }, [waiver(SPEC)]).applied).toHaveLength(1);
    const changed = SPEC.replace('## 3. Rollout\n', '## 3. Rollout\n\nTBD\n');
    const result = applyWaivers({ path: 'docs/specs/search.md', findings: [EMPTY_ROLLOUT], text: changed }, [waiver(SPEC)]);
    expect(result.findings).toEqual([EMPTY_ROLLOUT]);
    expect(result.lapsed).toHaveLength(1);
  });

  test('another file, or another section, is not covered', () => {
    expect(applyWaivers({ path: 'docs/specs/other.md', findings: [EMPTY_ROLLOUT], text: SPEC }, [waiver(SPEC)]).findings).toEqual([EMPTY_ROLLOUT]);
    const summary = { ...EMPTY_ROLLOUT, section: 'Summary' };
    expect(applyWaivers({ path: 'docs/specs/search.md', findings: [summary], text: SPEC }, [waiver(SPEC)]).findings).toEqual([summary]);
  });
});

describe("the record in the app's comment", () => {
  test('round-trips, and a reason holding "-->" cannot end the hidden comment early', () => {
    const waivers = [waiver(SPEC, { reason: 'see --> here <b>' })];
    const body = withWaivers('<!-- specgate:sticky -->\n### ✅ all complete\n', waivers);
    expect(body.match(/-->/g)).toHaveLength(2);
    expect(readWaivers(body)).toEqual(waivers);
    expect(readWaivers(withWaivers(body, []))).toEqual([]);
  });

  test('a hand-edited, unreadable record reads as none', () => {
    expect(readWaivers('<!-- specgate:waivers [{"path": 1}] -->')).toEqual([]);
    expect(readWaivers('<!-- specgate:waivers [not json] -->')).toEqual([]);
  });
});

describe('CODEOWNERS', () => {
  const CODEOWNERS = ['# owners', '*       @octo-org/everyone', '/docs/specs/   @spec-lead', '*.md    @docs-team-lead', 'docs/specs/payments/ @octo-org/payments # money'].join('\n');
  test('the last matching line wins; patterns follow gitignore rules', () => {
    expect(ownersOf(CODEOWNERS, 'src/index.ts')).toEqual(['@octo-org/everyone']);
    expect(ownersOf(CODEOWNERS, 'docs/specs/search.md')).toEqual(['@docs-team-lead']);
    expect(ownersOf(CODEOWNERS, 'docs/specs/payments/refunds.md')).toEqual(['@octo-org/payments']);
    expect(ownersOf('/docs/specs/ @spec-lead\n', 'other/docs/specs/a.md')).toEqual([]);
    expect(ownersOf('specs/ @spec-lead\n', 'rfcs/specs/a.md')).toEqual(['@spec-lead']);
  });
});
