import { changesSinceRecord, keyFindings, parseLabels, recordProduced } from '../../eval/labels.mjs';
import { sampleFindings } from '../../eval/sample.mjs';

/** Label keys, the record of what the engine produced, and the seeded sample, on small made-up cases. */

const SPEC = ['# Title', '', '## Summary', '', 'TODO: write it', '', '## Risks', '', 'TBD'];
const FINDINGS = [
  { rule: 'placeholder-text', severity: 'warning', section: 'Summary', line: 5, message: 'Placeholder "TODO" left in "Summary".' },
  { rule: 'missing-section', severity: 'error', section: 'Design', line: 7, message: 'Section "Design" is missing. Add it before line 7.' },
  { rule: 'placeholder-section', severity: 'error', section: 'Risks', line: 7, message: 'Section "Risks" still holds only placeholders.' },
];

const LABELS = `
corpus: made-up
findings:
  - { file: spec.md, rule: placeholder-text, section: Summary, at: "TODO: write it", verdict: right, reason: an unwritten summary }
  - { file: spec.md, rule: missing-section, section: Design, verdict: wrong, reason: the template marks it optional }
  - { file: spec.md, rule: short-section, section: Risks, verdict: missed, reason: nothing is said }
passing:
  - { file: other.md, complete: true, reason: every section written }
`;

describe('keyFindings', () => {
  test('a label names its finding by line text, not line number: inserting lines above keeps the key', () => {
    const before = keyFindings('spec.md', FINDINGS, SPEC);
    const moved = FINDINGS.map((finding) => ({ ...finding, line: finding.line + 2 }));
    const after = keyFindings('spec.md', moved, ['<!-- a note -->', '', ...SPEC]);
    expect(after.map(({ rule, section, at, n }) => ({ rule, section, at, n }))).toEqual(before.map(({ rule, section, at, n }) => ({ rule, section, at, n })));
  });

  test('a finding about a whole section has no line text, so it survives a move of its line; two equal findings get n 1 and 2', () => {
    const twice = [FINDINGS[0]!, { ...FINDINGS[0]!, line: 9 }, FINDINGS[1]!, FINDINGS[2]!];
    const keyed = keyFindings('spec.md', twice, [...SPEC.slice(0, 8), 'TODO: write it']);
    expect(keyed.map(({ rule, at, n }) => [rule, at, n])).toEqual([
      ['placeholder-text', 'TODO: write it', 1],
      ['missing-section', undefined, 1],
      ['placeholder-section', undefined, 1],
      ['placeholder-text', 'TODO: write it', 2],
    ]);
    const pointedElsewhere = keyFindings('spec.md', [{ ...FINDINGS[2]!, line: 9 }], SPEC);
    expect(pointedElsewhere[0]).toMatchObject({ rule: 'placeholder-section', section: 'Risks', at: undefined });
  });
});

describe('changesSinceRecord', () => {
  const keyed = keyFindings('spec.md', FINDINGS, SPEC);

  test('given the findings the labels were recorded against, expect no change', () => {
    expect(changesSinceRecord(parseLabels(LABELS, 'made-up'), keyed)).toEqual([]);
  });

  test('a finding labelled right that the engine no longer produces is a lost true finding', () => {
    const changes = changesSinceRecord(parseLabels(LABELS, 'made-up'), keyed.filter((finding) => finding.rule !== 'placeholder-text'));
    expect(changes).toEqual([expect.stringMatching(/^lost a true finding: spec\.md: placeholder-text "Summary" at "TODO: write it"/)]);
  });

  test('a finding labelled wrong and recorded as fixed that the engine produces again has come back', () => {
    const fixed = LABELS.replace('verdict: wrong,', 'verdict: wrong, produced: false,');
    expect(changesSinceRecord(parseLabels(fixed, 'made-up'), keyed)).toEqual([expect.stringMatching(/^a false finding came back: spec\.md: missing-section "Design"/)]);
  });

  test('a fixed false finding and a caught miss are changes too, until recorded', () => {
    const caught = { ...FINDINGS[2]!, rule: 'short-section', severity: 'warning' };
    const now = keyFindings('spec.md', [FINDINGS[0]!, FINDINGS[2]!, caught], SPEC);
    const changes = changesSinceRecord(parseLabels(LABELS, 'made-up'), now);
    expect(changes).toEqual([expect.stringMatching(/^fixed a false finding: spec\.md: missing-section "Design"/), expect.stringMatching(/^now finds what it missed: spec\.md: short-section "Risks"/)]);
  });

  test('recordProduced writes the new state into the YAML, and then nothing has changed', () => {
    const labels = parseLabels(LABELS, 'made-up');
    const now = keyed.filter((finding) => finding.rule !== 'missing-section');
    expect(recordProduced(labels, now)).toBe(1);
    const reread = parseLabels(labels.document.toString(), 'made-up');
    expect(reread.findings.find((label) => label.rule === 'missing-section')?.produced).toBe(false);
    expect(changesSinceRecord(reread, now)).toEqual([]);
  });

  test('a new error on a document labelled complete must be labelled', () => {
    const error = keyFindings('other.md', [FINDINGS[1]!], SPEC);
    expect(changesSinceRecord(parseLabels(LABELS, 'made-up'), [...keyed, ...error])).toEqual([expect.stringMatching(/^new error on other\.md, labelled complete/)]);
  });
});

describe('parseLabels', () => {
  test('rejects a label without a verdict, without the line text its rule needs, or labelled twice', () => {
    expect(() => parseLabels('findings: [{ file: a.md, rule: missing-section, section: S, reason: r }]', 'x')).toThrow(/verdict/);
    expect(() => parseLabels('findings: [{ file: a.md, rule: placeholder-text, section: S, verdict: right, reason: r }]', 'x')).toThrow(/"at".*required/);
    expect(() => parseLabels('findings: [{ file: a.md, rule: empty-section, section: S, at: "## S", verdict: right, reason: r }]', 'x')).toThrow(/"at".*not used/);
    const twice = '{ file: a.md, rule: missing-section, section: S, verdict: right, reason: r }';
    expect(() => parseLabels(`findings: [${twice}, ${twice}]`, 'x')).toThrow(/two labels/);
  });
});

describe('sampleFindings', () => {
  const document = (file: string, count: number) => ({
    file,
    findings: keyFindings(file, Array.from({ length: count }, (_, index) => ({ ...FINDINGS[1]!, section: `S${index}` })), SPEC),
  });
  const documents = Array.from({ length: 20 }, (_, index) => document(`doc-${index}.md`, 4));

  test('takes at least 30 findings, at most 5 from one document', () => {
    const sample = sampleFindings('made-up', documents);
    expect(sample.length).toBeGreaterThanOrEqual(30);
    const perDocument = new Map<string, number>();
    for (const finding of sample) perDocument.set(finding.file, (perDocument.get(finding.file) ?? 0) + 1);
    expect(Math.max(...perDocument.values())).toBeLessThanOrEqual(5);
  });

  test('is stable when the engine changes: a finding that survives keeps its place in the sample', () => {
    const before = sampleFindings('made-up', documents);
    // A rule change that drops one sampled finding and adds findings to a document that was not sampled.
    const dropped = before[0]!;
    const changed = documents.map((each) =>
      each.file === dropped.file ? { ...each, findings: each.findings.filter((finding) => finding.section !== dropped.section) } : each,
    );
    const after = sampleFindings('made-up', changed).map((finding) => `${finding.file} ${finding.section}`);
    const survivors = before.slice(1).map((finding) => `${finding.file} ${finding.section}`);
    expect(after).toEqual(expect.arrayContaining(survivors));
  });
});
