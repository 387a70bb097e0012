import { angleTokensIn, blank, DEFAULT_PLACEHOLDERS, placeholderMatcher } from '../../src/core/placeholders.js';

describe('the default placeholder tokens', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS);

  test.each([
    ['Latency target: TBD.', ['TBD']],
    ['TODO: measure it', ['TODO']],
    ['FIXME before launch', ['FIXME']],
    ['Owner: ???', ['???']],
    ['Ask <role> and <service-name>', ['<role>', '<service-name>']],
    ['Signed off by <your name>', ['<your name>']],
    ['Store it in [NEEDS CLARIFICATION: which database?] for now', ['[NEEDS CLARIFICATION: which database?]']],
    ['[NEEDS CLARIFICATION] later', ['[NEEDS CLARIFICATION]']],
  ])('%j holds %j', (line, tokens) => {
    expect(matcher.find(line)).toEqual(tokens);
  });

  test.each([
    ['Our TODOs are tracked in Jira'],
    ['The todo list is empty'],
    ['TBDs and FIXMEs'],
    ['Return a Vec<T> or a HashMap<K, V>'],
    ['Line one<br>line two, <b>bold</b>'],
    ['A link: <https://example.com/spec>'],
    ['<div class="note">Real HTML</div>'],
    ['Returns <nil> on failure'],
    ['Really??? That fast?'],
  ])('%j holds none', (line) => {
    expect(matcher.find(line)).toEqual([]);
  });

  test('tokens in inline code are code being discussed, not blanks to fill', () => {
    expect(matcher.find('Grep for `TODO` and call `run <expr>`')).toEqual([]);
    expect(matcher.find('``a ` TODO``, then TBD')).toEqual(['TBD']);
  });

  test('tokens come back in the order the line holds them, repeats included', () => {
    expect(matcher.find('TBD, then TODO, then TBD')).toEqual(['TBD', 'TODO', 'TBD']);
  });
});

describe("the template's own tokens", () => {
  // The default template writes `<role>` in backticks, so a spec that copies it has not filled it in.
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS, ['<role>', '<action>']);

  test('count even inside inline code', () => {
    expect(matcher.find('As a `<role>`, I can `<action>` so that `<value>`.')).toEqual(['<role>', '<action>']);
  });

  test('still count outside it', () => {
    expect(matcher.find('As a <role> I can export logs')).toEqual(['<role>']);
  });
});

describe('configured tokens', () => {
  test('only the configured tokens count, matched case-sensitively as whole words', () => {
    const matcher = placeholderMatcher(['XXX', 'Lorem ipsum']);
    expect(matcher.find('XXX: Lorem ipsum dolor')).toEqual(['XXX', 'Lorem ipsum']);
    expect(matcher.find('TODO and TBD and xxx and XXXL')).toEqual([]);
  });

  test('without "<placeholder>", angle tokens are not placeholders', () => {
    expect(placeholderMatcher(['TODO']).find('Ask <role>')).toEqual([]);
  });

  test('no tokens at all finds nothing and strips nothing', () => {
    const matcher = placeholderMatcher([]);
    expect(matcher.find('TODO <role> ???')).toEqual([]);
    expect(matcher.strip('TODO <role>')).toBe('TODO <role>');
  });
});

describe('inline code the parser found', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS, ['<role>']);

  test('given ranges replace the backtick guess: a span that opened on the line before hides its tokens', () => {
    // The line `<expr>; TODO` whose first 7 characters close a code span from the previous line.
    expect(matcher.find('<expr>` and TODO', [[0, 7]])).toEqual(['TODO']);
    expect(matcher.find('<expr>` and TODO')).toEqual(['<expr>', 'TODO']);
  });

  test("the template's own tokens still count inside given ranges", () => {
    expect(matcher.find('<role>` waits', [[0, 7]])).toEqual(['<role>']);
  });
});

describe('strip', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS);

  test('removes the tokens and keeps the words around them', () => {
    expect(matcher.strip('TODO: ask <owner> about [NEEDS CLARIFICATION: quota]').match(/\p{L}+/gu)).toEqual(['ask', 'about']);
  });

  test('keeps real HTML and generics', () => {
    expect(matcher.strip('Use <b>Vec<T></b>')).toBe('Use <b>Vec<T></b>');
  });
});

describe('angleTokensIn', () => {
  test("lists the template's <role>-style tokens once each, ignoring HTML", () => {
    expect(angleTokensIn('- As a `<role>`, I can `<action>`.\n- <role> again, <br> and <details>')).toEqual(['<role>', '<action>']);
  });
});

describe('blank', () => {
  test('turns ranges to spaces and keeps every other character where it was', () => {
    expect(blank('abc `TODO` def', [[4, 10]])).toBe('abc        def');
    expect(blank('abc', [[1, 99]])).toBe('a  ');
    expect(blank('abc', [[-5, 1], [2, 2]])).toBe(' bc');
  });
});
