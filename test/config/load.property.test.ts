import fc from 'fast-check';
import { parseConfig, validateConfig } from '../../src/config/parse.js';

const YAML_PIECES = ['paths:', 'sections:', '  Security:', '    min_words: ', '- ', '&a ', '*a', '!!js/function ', '"', "'", '[', ']', '{', '}', ':', '\n', '  ', '#', '---', '...', '\t', '%YAML 1.2', '<<: *a', 'rules:', 'order: ', '9999999999999999999', 'null', '~', '|', '>'];

describe('the configuration loader, fuzzed', () => {
  test('any text gives a configuration or problems with a line inside the file, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''))), (text) => {
        const { config, problems } = parseConfig(text);
        expect(Array.isArray(config.paths)).toBe(true);
        const lines = Math.max(1, text.split(/\r\n|\r|\n/).length);
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines + 1);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('any JSON value (what Probot hands over) is validated without an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const { problems } = validateConfig(value);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
