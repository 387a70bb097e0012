import { checkSpec, createPolicy, parseTemplate } from '../../src/core/index.js';

test('a spec with no sections misses every section of the template', () => {
  const { policy } = createPolicy(parseTemplate('# T\n\n## Summary\n\nSay it.\n'));
  expect(checkSpec('# Title\n\nText.\n', policy).map((finding) => finding.rule)).toEqual(['missing-section']);
});
