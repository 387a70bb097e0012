import { check, ofRule, where } from '../../helpers/core.js';

// Template: the built-in default, whose User Stories guidance writes `<role>`, `<action>` and `<value>`.
const findingsFor = (options = {}) => check('rules/placeholder-text/leftovers.md', 'default', options);

describe('placeholder-text', () => {
  const findings = findingsFor();
  const text = ofRule(findings, 'placeholder-text');

  test('given real content that still holds tokens, each line with one is a warning in its section', () => {
    expect(where(text)).toEqual([
      { rule: 'placeholder-text', section: 'preamble', line: 1 },
      { rule: 'placeholder-text', section: 'Context & Goal', line: 7 },
      { rule: 'placeholder-text', section: 'Outcomes', line: 11 },
      { rule: 'placeholder-text', section: 'Stakeholders', line: 15 },
      { rule: 'placeholder-text', section: 'User Stories', line: 19 },
      { rule: 'placeholder-text', section: 'Observability', line: 51 },
      { rule: 'placeholder-text', section: 'Rollout', line: 59 },
    ]);
    expect(text.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  test('the message quotes the token and names the section', () => {
    const byLine = new Map(text.map((finding) => [finding.line, finding.message]));
    expect(byLine.get(7)).toBe('Placeholder "TODO" left in "Context & Goal". Replace it with the real content.');
    expect(byLine.get(11)).toContain('"TBD"');
    expect(byLine.get(15)).toContain('"???"');
    expect(byLine.get(51)).toContain('"[NEEDS CLARIFICATION: Grafana or Datadog?]"');
    expect(byLine.get(59)).toContain('"FIXME"');
  });

  test("`<role>` in inline code counts, because the template itself writes it there", () => {
    expect(text.find((finding) => finding.line === 19)!.message).toContain('"<role>"');
  });

  test('tokens in inline code the template does not use are code, not blanks (`TODO`, `<format>`, line 24)', () => {
    expect(text.map((finding) => finding.line)).not.toContain(24);
  });

  test('tokens in a fenced code block do not count, nor in a fence inside a list item (lines 27, 35)', () => {
    const lines = text.map((finding) => finding.line);
    expect(lines).not.toContain(27);
    expect(lines).not.toContain(35);
  });

  test('a code span that opens on one line and closes on the next hides its tokens (line 42)', () => {
    expect(text.map((finding) => finding.line)).not.toContain(42);
  });

  test('a comment hides its tokens, even one spread over two lines (lines 46-47)', () => {
    const lines = text.map((finding) => finding.line);
    expect(lines).not.toContain(46);
    expect(lines).not.toContain(47);
  });

  test('tokens match case-sensitively as whole words: "TODOs" and "todo" are prose (line 55)', () => {
    expect(text.map((finding) => finding.line)).not.toContain(55);
  });

  test('a section of nothing but a token is a placeholder-section error instead, not also a warning', () => {
    expect(where(ofRule(findings, 'placeholder-section'))).toEqual([{ rule: 'placeholder-section', section: 'Open Questions', line: 61 }]);
    expect(text.map((finding) => finding.line)).not.toContain(63);
  });
});

describe('placeholder-text: which section a line belongs to', () => {
  test('a sub-heading the template does not know belongs to the section above it; a stray top-level one names itself', () => {
    const findings = check('rules/placeholder-text/owners.md', 'design-doc');
    expect(where(findings)).toEqual([
      { rule: 'placeholder-text', section: 'Summary', line: 9 },
      { rule: 'placeholder-text', section: 'Scratchpad', line: 33 },
    ]);
  });
});

describe('placeholder-text: front matter', () => {
  test('tokens in YAML front matter are metadata, not content', () => {
    expect(check('rules/placeholder-text/front-matter.md', 'design-doc')).toEqual([]);
  });
});

describe('placeholder-text: configuration', () => {
  test('placeholders: [...] replaces the default tokens', () => {
    expect(where(ofRule(findingsFor({ placeholders: ['FIXME'] }), 'placeholder-text'))).toEqual([
      { rule: 'placeholder-text', section: 'Rollout', line: 59 },
    ]);
  });

  test('severity is configurable', () => {
    expect(ofRule(findingsFor({ rules: { 'placeholder-text': 'error' } }), 'placeholder-text').every((finding) => finding.severity === 'error')).toBe(true);
    expect(ofRule(findingsFor({ rules: { 'placeholder-text': 'off' } }), 'placeholder-text')).toEqual([]);
  });
});

describe('placeholder-text: TODO, TBD, FIXME and XXX count as markers, not as words', () => {
  // Template: test/fixtures/templates/design-doc.md, which writes no bracket tokens.
  const findings = ofRule(check('rules/placeholder-text/markers.md', 'design-doc'), 'placeholder-text');

  test('standalone, before a colon, as a value, in parentheses, ending a sentence, and a placeholder in words', () => {
    expect(findings.map((finding) => finding.line)).toEqual([5, 11, 13, 14, 15, 16, 18, 35]);
    expect(findings.find((finding) => finding.line === 18)!.message).toContain('"Coming soon"');
  });

  test('not a word in a sentence, a mention in quotes, an image, a link definition or a block quote (lines 22-27)', () => {
    expect(findings.filter((finding) => finding.line >= 20 && finding.line <= 27)).toEqual([]);
  });
});

describe('placeholder-text: bracket tokens count only where they look like blanks', () => {
  // Template: the built-in default, whose guidance writes `<role>`.
  const findings = ofRule(check('rules/placeholder-text/brackets.md', 'default'), 'placeholder-text');

  test('a label and a token, a line of tokens, tokens that read as words, and the template’s own token', () => {
    expect(findings.map((finding) => [finding.line, finding.message.match(/"<[^"]*>"/gu)])).toEqual([
      [7, ['"<your name>"']],
      [8, ['"<owner>"', '"<team>"']],
      [9, ['"<your manager>"']],
      [30, ['"<role>"']],
    ]);
  });

  test('never generics, command-line syntax, include paths, glued formats, HTML elements, link destinations or quoted strings (lines 13-22)', () => {
    expect(findings.filter((finding) => finding.line >= 11 && finding.line <= 24)).toEqual([]);
  });
});

describe("placeholder-text: the template's own curly-brace placeholders (MADR style)", () => {
  test('left whole, or half-filled (`because {justification}`); JSON, sets and names in braces are not', () => {
    const findings = check('rules/placeholder-text/curly.md', 'decision-record');
    expect(where(findings)).toEqual([
      { rule: 'placeholder-text', section: 'Context and Problem Statement', line: 7 },
      { rule: 'placeholder-text', section: 'Considered Options', line: 12 },
      { rule: 'placeholder-text', section: 'Decision Outcome', line: 16 },
    ]);
    expect(findings[2]!.message).toContain('"{justification}"');
  });
});
