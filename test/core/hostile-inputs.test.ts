import { checkSpec, createPolicy, parseSpec, parseTemplate, type Finding } from '../../src/core/index.js';
import { fixture } from '../helpers/fixtures.js';

/**
 * Generated inputs that made the micromark-based core slow (quadratic) or fragile: each one gets its
 * findings, never a crash and never a false empty section. What they cost is measured by
 * `npm run bench` (bench/one-doc.mjs), never here.
 */
const template = parseTemplate('## Summary\n\nWhat and why.\n\n## Design\n\nHow.\n');
const policy = createPolicy(template).policy;
const rules = (findings: readonly Finding[]) => findings.map((finding) => `${finding.rule} ${finding.section}`);

describe('hostile inputs get their findings', () => {
  test('a 5 MB spec (real KEPs one after another) is read whole: every section of every copy', () => {
    const kep = fixture('differential/kubernetes-keps/keps/sig-node/2712-pod-priority-based-graceful-node-shutdown/README.md');
    const copies = Math.ceil((5 * 1024 * 1024) / kep.length);
    const document = parseSpec(Array.from({ length: copies }, () => kep).join('\n'));
    expect(document.all.length).toBe(copies * parseSpec(kep).all.length);
    expect(document.lineCount).toBe(copies * parseSpec(kep).lineCount + copies - 1);
  });

  test('10,000 nested list items: too complex to read, said as such', () => {
    const findings = checkSpec(`## Summary\n\n${'- '.repeat(10_000)}item\n\n## Design\n\nText.\n`, policy);
    expect(findings).toEqual([expect.objectContaining({ rule: 'too-complex', severity: 'error', line: 3 })]);
  });

  test('10,000 nested block quotes and a 1,000-level staircase of lists: too complex, not empty', () => {
    const staircase = Array.from({ length: 1_000 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    for (const text of [`## Summary\n\n${'>'.repeat(10_000)} deep\n`, `## Summary\n\n${staircase}\n`]) {
      expect(rules(checkSpec(text, policy))).toEqual(['too-complex (file)']);
    }
  });

  test('lists and quotes 60 levels deep are read: their text is content', () => {
    const staircase = Array.from({ length: 60 }, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
    for (const summary of [staircase, `${'> '.repeat(60)}quoted`, `${'- '.repeat(60)}item`]) {
      expect(rules(checkSpec(`## Summary\n\n${summary}\n\n## Design\n\nText.\n`, policy))).toEqual([]);
    }
  });

  test('100,000 `[` are text: punctuation, which is no content of the author\'s', () => {
    const text = `## Summary\n\n${'['.repeat(100_000)}\n\n## Design\n\nText.\n`;
    expect(parseSpec(text).all[0]!.blocks[0]!.units).toEqual(['['.repeat(100_000)]);
    expect(rules(checkSpec(text, policy))).toEqual(['placeholder-section Summary']);
  });

  test('50,000 headings are 50,000 sections', () => {
    const text = Array.from({ length: 50_000 }, (_, index) => `## Part ${index}\n\nText ${index}.\n`).join('\n');
    const document = parseSpec(text);
    expect(document.sections).toHaveLength(50_000);
    expect(document.sections[49_999]!.heading).toEqual({ text: 'Part 49999', level: 2, line: 199_997, endLine: 199_997 });
  });

  test('50,000 headings: each missing section gets its look-alike among them, found as when every pair is compared', () => {
    const parts = Array.from({ length: 50_000 }, (_, index) => `## ${index === 25_000 ? 'Summery' : `Part ${index}`}\n\nText ${index}.\n`);
    const findings = checkSpec(parts.join('\n'), policy);
    expect(findings.map((finding) => [finding.rule, finding.section, finding.didYouMean?.heading])).toEqual([
      ['missing-section', 'Summary', 'Summery'],
      ['missing-section', 'Design', undefined],
    ]);
  });

  test('a 1 MB line, and a 1 MB code span, are one paragraph each', () => {
    const word = 'word '.repeat(200_000);
    const document = parseSpec(`## Summary\n\n${word}\n\n## Design\n\n\`${word}\`\n`);
    expect(document.all[0]!.blocks.map((block) => block.units)).toEqual([[word.trim()]]);
    expect(document.all[1]!.blocks[0]!.masks).toEqual([{ line: 7, start: 0, end: word.length + 2, kind: 'inline-code' }]);
  });
});
