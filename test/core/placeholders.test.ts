import { templateBrackets } from '../../src/core/bracket-tokens.js';
import { blank, DEFAULT_PLACEHOLDERS, placeholderMatcher } from '../../src/core/placeholders.js';

describe('the default placeholder tokens', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS);

  test.each([
    ['Latency target: TBD.', ['TBD']],
    ['TODO: measure it', ['TODO']],
    ['FIXME before launch', ['FIXME']],
    ['See EIP-XXX for the details', ['XXX']],
    ['Owner: ???', ['???']],
    ['Owner: <service-name>', ['<service-name>']],
    ['<owner> <team>', ['<owner>', '<team>']],
    ['- <test>: <link to test coverage>', ['<test>', '<link to test coverage>']],
    ['Signed off by <your name>', ['<your name>']],
    ['Then <describe the change, e.g. the new flag>.', ['<describe the change, e.g. the new flag>']],
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
    ['An escaped Foo\\<Bar> is a generic too'],
    ['Line one<br>line two, <b>bold</b>'],
    ['<input disabled> and <details open> are HTML'],
    ['A link: <https://example.com/spec>'],
    ['<div class="note">Real HTML</div>'],
    ['Returns <nil> on failure'],
    ['Really??? That fast?'],
    ['Ask <role> and <service-name>'],
    ['Run `tool` with --limit <n> or -o <output file>'],
    ['#include <math.h> and <sys/types.h>'],
    ['Pages are named HugePage-<size>, snapshots <snap>-<hash of the volume>'],
    ['It logs "failed to get node <node name>: <error>"'],
    ['For each <object name, spec JSON> pair, compare them'],
    ['Then establish the pair <object name, spec JSON>.'],
    ['See [the guide](<docs/your guide.md>) and [x](https://e.com/<your name>)'],
  ])('%j holds none', (line) => {
    expect(matcher.find(line)).toEqual([]);
  });

  test('tokens in inline code are code being discussed, not blanks to fill', () => {
    expect(matcher.find('Grep for `TODO` and call `run <your name>`')).toEqual([]);
    expect(matcher.find('``a ` TODO``, then TBD')).toEqual(['TBD']);
  });

  test('tokens come back in the order the line holds them, repeats included', () => {
    expect(matcher.find('TBD, then TODO: x, then TBD')).toEqual(['TBD', 'TODO', 'TBD']);
  });
});

describe('markers: TODO, TBD, FIXME, XXX', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS);

  test.each([
    ['TODO'],
    ['TBD.'],
    ['- TODO for the storage team'],
    ['Mitigation: TODO'],
    ['It ships later (TBD).'],
    ['The date to be decided (TBD).'],
    ['The address is TBD.'],
    ['**TODO** pick one'],
    [':warning: TODO: explain the benefits'],
    ['@TODO: more'],
    ['TODO(alice): check the quota'],
    ['| Owner | TBD |'],
  ])('%j marks a blank', (line) => {
    expect(matcher.find(line)).toHaveLength(1);
  });

  test.each([
    ['It is high on the TODO list'],
    ['It remains TBD whether we need it'],
    ['See FIXME above for the reason'],
    ['The RFC calls this "TBD" behaviour'],
    ['![TBD][] badge'],
    ['we mark it as "To Be Determined" (TBD). This classification means'],
  ])('%j uses the marker as a word', (line) => {
    expect(matcher.find(line)).toEqual([]);
  });

  test('in a block quote a marker is a quoted word', () => {
    expect(matcher.find('> TODO: the reviewer asked', undefined, { inBlockQuote: true })).toEqual([]);
    expect(matcher.find('> TODO: the reviewer asked')).toEqual(['TODO']);
  });
});

describe("the template's own tokens", () => {
  // The default template writes `<role>` in backticks, so a spec that copies it has not filled it in.
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS, '- As a `<role>`, I can `<action>` so that `<value>`.');

  test('count even inside inline code, and inside a sentence', () => {
    expect(matcher.find('As a `<role>`, I can `<action>` so that `<goal>`.')).toEqual(['<role>', '<action>']);
    expect(matcher.find('As a <role> I can export logs')).toEqual(['<role>']);
  });

  describe('curly braces, in a template that writes its blanks that way (MADR)', () => {
    const madr = 'Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets k.o. criterion | which resolves force {force} | …}.';
    const curly = placeholderMatcher(DEFAULT_PLACEHOLDERS, madr);

    test('the exact token, a half-filled line, and other blanks that read as words count', () => {
      expect(curly.find(madr)).toEqual(['{title of option 1}', '{justification. e.g., only option, which meets k.o. criterion | which resolves force {force} | …}']);
      expect(curly.find('Chosen option: "Kafka", because {justification}.')).toEqual(['{justification}']);
      expect(curly.find('* {describe the rollback plan}')).toEqual(['{describe the rollback plan}']);
    });

    test('JSON, sets and format strings do not', () => {
      expect(curly.find('It parses {scheme, host, port} from `{"a": 1}` at /users/{id}')).toEqual([]);
    });

    test('without the template writing them, curly braces never count', () => {
      expect(placeholderMatcher(DEFAULT_PLACEHOLDERS).find('* {describe the rollback plan}')).toEqual([]);
    });
  });
});

describe('configured tokens', () => {
  test('only the configured tokens count, matched case-sensitively as whole words', () => {
    const matcher = placeholderMatcher(['XXX', 'Lorem ipsum']);
    expect(matcher.find('XXX: Lorem ipsum dolor')).toEqual(['XXX', 'Lorem ipsum']);
    expect(matcher.find('TODO and TBD and xxx and XXXL')).toEqual([]);
  });

  test('without "<placeholder>", bracket tokens are not placeholders', () => {
    expect(placeholderMatcher(['TODO']).find('Owner: <your name>')).toEqual([]);
  });

  test('no tokens at all finds nothing and strips nothing', () => {
    const matcher = placeholderMatcher([]);
    expect(matcher.find('TODO <your name> ???')).toEqual([]);
    expect(matcher.strip('TODO <your name>')).toBe('TODO <your name>');
  });
});

describe('inline code the parser found', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS, '`<role>`');

  test('given ranges replace the backtick guess: a span that opened on the line before hides its tokens', () => {
    // The line `TODO` and TBD` whose first 5 characters close a code span from the previous line.
    expect(matcher.find('TODO` and TBD.', [[0, 5]])).toEqual(['TBD']);
    expect(matcher.find('TODO` and TBD.')).toEqual(['TODO', 'TBD']);
  });

  test("the template's own tokens still count inside given ranges", () => {
    expect(matcher.find('<role>` waits', [[0, 7]])).toEqual(['<role>']);
  });

  test('a line of code and one bracket token is not a form left blank', () => {
    expect(matcher.find('is the `name`. <memberName>` sets it', [[7, 13], [27, 36]])).toEqual([]);
  });
});

describe('strip', () => {
  const matcher = placeholderMatcher(DEFAULT_PLACEHOLDERS);

  test('removes the tokens and keeps the words around them', () => {
    expect(matcher.strip('TODO: ask <your manager> about [NEEDS CLARIFICATION: quota]').match(/\p{L}+/gu)).toEqual(['ask', 'about']);
  });

  test('keeps real HTML and generics', () => {
    expect(matcher.strip('Use <b>Vec<T></b>')).toBe('Use <b>Vec<T></b>');
  });
});

describe('templateBrackets', () => {
  test("lists the template's bracket tokens once each, ignoring HTML and fenced code", () => {
    const found = templateBrackets('- As a `<role>`, I can `<action>`.\n- <role> again, <br> and <details>\n```\nlet x = {a: 1};\n```\n{title of option 1}');
    expect(found.exact).toEqual(['<role>', '<action>', '{title of option 1}']);
    expect([...found.heads.get('curly')!]).toEqual(['title of option 1']);
  });
});

describe('blank', () => {
  test('turns ranges to spaces and keeps every other character where it was', () => {
    expect(blank('abc `TODO` def', [[4, 10]])).toBe('abc        def');
    expect(blank('abc', [[1, 99]])).toBe('a  ');
    expect(blank('abc', [[-5, 1], [2, 2]])).toBe(' bc');
  });
});
