import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSpec } from '../../src/core/check.js';
import { insertMissingSections } from '../../src/core/fill.js';
import { createPolicy } from '../../src/core/policy.js';
import { parseTemplate } from '../../src/core/template.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

const { policy } = createPolicy(parseTemplate(readFileSync(join(ROOT, 'templates/default.md'), 'utf8')));
const bytes = (name: string): Buffer => readFileSync(join(FIXTURES, 'commands', name));
const decode = (buffer: Buffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer);

function fill(text: string): string {
  return insertMissingSections(text, checkSpec(text, policy));
}

/** Every byte of the original, in order, with only whole insertions between them. */
function expectOnlyInsertions(original: string, filled: string): void {
  let at = 0;
  for (const char of original) {
    const found = filled.indexOf(char, at);
    expect(found).toBeGreaterThanOrEqual(at);
    at = found + char.length;
  }
  expect(filled.startsWith(original.slice(0, 1))).toBe(true);
}

describe('filling the missing sections of a spec', () => {
  test('a CRLF file with a BOM keeps every byte, its BOM first, and gets CRLF insertions', () => {
    const original = decode(bytes('crlf-bom.md'));
    const filled = fill(original);
    expect(filled.charCodeAt(0)).toBe(0xfeff);
    expect(filled.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expectOnlyInsertions(original, filled);
    // The original lines, byte for byte, still in order.
    const originalLines = original.split('\r\n');
    const filledLines = filled.split('\r\n');
    let cursor = 0;
    for (const line of originalLines) {
      cursor = filledLines.indexOf(line, cursor);
      expect(cursor).toBeGreaterThanOrEqual(0);
    }
    expect(filledLines).toContain('Owners only.   ');
  });

  test('after filling, no section is missing and the sections stand in template order', () => {
    const filled = fill(decode(bytes('crlf-bom.md')));
    const findings = checkSpec(filled, policy);
    expect(findings.filter((finding) => finding.rule === 'missing-section')).toEqual([]);
    expect(findings.filter((finding) => finding.rule === 'section-order')).toEqual([]);
    // What was added is empty, waiting for the author: guidance is a comment, not content.
    expect(findings.filter((finding) => finding.rule === 'empty-section').map((finding) => finding.section)).toEqual([
      'Outcomes',
      'Stakeholders',
      'User Stories',
      'API Contract',
      'Data Model',
      'Orchestration',
      'Observability',
      'Acceptance Criteria',
      'Open Questions',
    ]);
  });

  test('a file without a final newline gets one before the appended sections, and nothing else changes', () => {
    const original = bytes('no-final-newline.md').toString('utf8');
    const filled = fill(original);
    expect(filled.startsWith(original.split('## Open Questions')[0]!)).toBe(true);
    expect(filled).toContain('## Open Questions\nNone yet.');
    expectOnlyInsertions(original, filled);
  });

  test('a spec with nothing missing is returned unchanged', () => {
    const complete = readFileSync(join(ROOT, 'examples/specs/api-rate-limits.md'), 'utf8');
    expect(fill(complete)).toBe(complete);
  });
});
