import { countWords, headingKey, proseKey, requirementMark, withoutRequirementMark } from '../../src/core/normalize.js';

describe('headingKey: the key two spellings of one section share', () => {
  test.each([
    ['Security', 'security'],
    ['SECURITY', 'security'],
    ['security', 'security'],
  ])('case does not matter: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test.each([
    ['1. Security', 'security'],
    ['2) Security', 'security'],
    ['1.2 Security', 'security'],
    ['1.2.3 Security', 'security'],
    ['1.2.3. Security', 'security'],
    ['A. Security', 'security'],
    ['b) Security', 'security'],
    ['IV. Security', 'security'],
    ['3 Security', 'security'],
  ])('leading numbering is dropped: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test.each([
    ['🔒 Security', 'security'],
    ['Security 🔒', 'security'],
    ['✅ Acceptance Criteria', 'acceptance criteria'],
    ['👩‍💻 Stakeholders', 'stakeholders'],
    ['1️⃣ Outcomes', 'outcomes'],
    ['→ Rollout ←', 'rollout'],
  ])('emoji and symbols are decoration: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test.each([
    ['Ｓｅｃｕｒｉｔｙ', 'security'],
    ['Ｏｐｅｎ Ｑｕｅｓｔｉｏｎｓ', 'open questions'],
    ['ﬁndings', 'findings'],
  ])('Unicode compatibility forms fold (NFKC): %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test('composed and decomposed accents give one key', () => {
    expect(headingKey('Caf\u00e9 Menu')).toBe(headingKey('Cafe\u0301 Menu'));
  });

  test.each([
    ['Security:', 'security'],
    ['Open Questions?', 'open questions'],
    ['Rollout ##', 'rollout'],
    ['Security :', 'security'],
  ])('trailing punctuation is dropped: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test.each([
    ['Context & Goal', 'context and goal'],
    ['Context and Goal', 'context and goal'],
    ['Context&Goal', 'context and goal'],
  ])('& and "and" are the same word: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test.each([
    ['**Security**', 'security'],
    ['`API Contract`', 'api contract'],
    ['_Data_ *Model*', 'data model'],
    ['Data-Model', 'data model'],
  ])('formatting marks and word separators collapse: %j', (heading, key) => {
    expect(headingKey(heading)).toBe(key);
  });

  test('an (optional) mark is not part of the name', () => {
    expect(headingKey('Alternatives (Optional)')).toBe('alternatives');
  });

  test('everything at once', () => {
    expect(headingKey('2) **Context & Goal:** 🎯')).toBe(headingKey('context and goal'));
  });

  test('different names keep different keys', () => {
    expect(headingKey('Goals')).not.toBe(headingKey('Non-Goals'));
    expect(headingKey('Security')).not.toBe(headingKey('Security Review'));
  });

  test('a heading that is only decoration has an empty key', () => {
    expect(headingKey('🔒 ✅')).toBe('');
  });
});

describe('requirement marks in a heading', () => {
  test.each([
    'Alternatives (optional)',
    'Alternatives (Optional)',
    'Alternatives (OPTIONAL)',
    'Alternatives ( optional )',
    'Alternatives (ｏｐｔｉｏｎａｌ)',
    // The older KEP template.
    'Drawbacks [optional]',
    // spec-kit: `### Key Entities *(include if feature involves data)*` reads as this once emphasis is gone.
    'Key Entities (include if feature involves data)',
    'Migration (if applicable)',
    'Test Cases (optional for non-Core EIPs)',
    '(Optional) Alternatives',
  ])('%j is optional', (heading) => {
    expect(requirementMark(heading)?.optional).toBe(true);
  });

  test.each(['User Scenarios & Testing (mandatory)', 'Security (Required)'])('%j is required, by a mark', (heading) => {
    expect(requirementMark(heading)).toMatchObject({ optional: false });
  });

  test.each(['Alternatives', 'Optional Features', 'Alternatives optional', 'Storage (Data Model)'])('%j has no mark', (heading) => {
    expect(requirementMark(heading)).toBeUndefined();
  });

  test('the mark is kept as written, to say why', () => {
    expect(requirementMark('Key Entities (include if feature involves data)')?.mark).toBe('(include if feature involves data)');
  });

  test("withoutRequirementMark keeps the template's spelling of the rest", () => {
    expect(withoutRequirementMark('Infrastructure Needed (Optional)')).toBe('Infrastructure Needed');
    expect(withoutRequirementMark('Story 1 (OPTIONAL) ')).toBe('Story 1');
    expect(withoutRequirementMark('User Scenarios & Testing (mandatory)')).toBe('User Scenarios & Testing');
    expect(withoutRequirementMark('Rollout')).toBe('Rollout');
  });

  test('a marked heading has the key of the bare name', () => {
    expect(headingKey('Drawbacks [optional]')).toBe('drawbacks');
    expect(headingKey('Key Entities (include if feature involves data)')).toBe('key entities');
  });
});

describe('proseKey', () => {
  test('reduces text to its words, so punctuation and case changes are not edits', () => {
    expect(proseKey('What problem does this solve?')).toBe('what problem does this solve');
    expect(proseKey('  what problem, does THIS solve!! ')).toBe('what problem does this solve');
  });

  test('a changed word is an edit', () => {
    expect(proseKey('What problem does this solve?')).not.toBe(proseKey('Which problem does this solve?'));
  });
});

describe('countWords', () => {
  test.each([
    ['', 0],
    ['   ', 0],
    ['TLS everywhere.', 2],
    ["Don't retry twice", 3],
    ['rate-limit per_key 42 times', 4],
    ['— , . !', 0],
    ['Überprüfung läuft', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
