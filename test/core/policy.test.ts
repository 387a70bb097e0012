import { createPolicy, DEFAULT_SEVERITIES, type TemplateSection } from '../../src/core/index.js';
import { template } from '../helpers/core.js';

const designDoc = template('design-doc');
const section = (name: string): TemplateSection => designDoc.all.find((candidate) => candidate.name === name)!;

describe('default severities', () => {
  // Each rule's default severity is asserted from behaviour in test/docs/rules.test.ts, against its docs page.
  test('rules: { ... } overrides only the rules it names', () => {
    const { policy, problems } = createPolicy(designDoc, { rules: { 'section-order': 'error', 'unknown-section': 'warning', 'short-section': 'off' } });
    expect(problems).toEqual([]);
    expect(policy.severities).toEqual({
      ...DEFAULT_SEVERITIES,
      'section-order': 'error',
      'unknown-section': 'warning',
      'short-section': 'off',
    });
  });
});

describe('required sections', () => {
  test('a section is required unless the template marks it (optional)', () => {
    const { policy } = createPolicy(designDoc);
    expect(designDoc.all.filter((candidate) => !policy.isRequired(candidate)).map((candidate) => candidate.name)).toEqual([
      'Alternatives',
      'Appendix',
    ]);
  });

  test('required: false relaxes a section, required: true insists on an optional one', () => {
    const { policy, problems } = createPolicy(designDoc, {
      sections: { Security: { required: false }, Appendix: { required: true } },
    });
    expect(problems).toEqual([]);
    expect(policy.isRequired(section('Security'))).toBe(false);
    expect(policy.isRequired(section('Appendix'))).toBe(true);
    expect(policy.isRequired(section('Alternatives'))).toBe(false);
  });

  test('config may name a section as loosely as a spec heading may, (optional) mark included', () => {
    const { policy, problems } = createPolicy(designDoc, {
      sections: { 'appendix (Optional)': { required: true }, '3. SECURITY:': { min_words: 12 } },
    });
    expect(problems).toEqual([]);
    expect(policy.isRequired(section('Appendix'))).toBe(true);
    expect(policy.minWords(section('Security'))).toBe(12);
  });
});

describe('min_words and aliases', () => {
  test('min_words is 0 unless configured', () => {
    const { policy } = createPolicy(designDoc, { sections: { Summary: { min_words: 20 } } });
    expect(policy.minWords(section('Summary'))).toBe(20);
    expect(policy.minWords(section('Motivation'))).toBe(0);
  });

  test('aliases are kept per template section', () => {
    const { policy } = createPolicy(designDoc, { sections: { Security: { aliases: ['Threat Model', 'Privacy'] } } });
    expect([...policy.aliases]).toEqual([[section('Security'), ['Threat Model', 'Privacy']]]);
  });

  test('two entries for one section merge', () => {
    const { policy } = createPolicy(designDoc, { sections: { Security: { min_words: 5 }, security: { aliases: ['Threat Model'] } } });
    expect(policy.minWords(section('Security'))).toBe(5);
    expect(policy.aliases.get(section('Security'))).toEqual(['Threat Model']);
  });
});

describe('configuration the template cannot honour', () => {
  test('a section name the template lacks is a problem, with a did-you-mean for a typo', () => {
    const { problems } = createPolicy(designDoc, { sections: { Secuirty: { required: false } } });
    expect(problems).toEqual([
      { path: ['sections', 'Secuirty'], message: '"Secuirty" is not a section of the template. Did you mean "Security"?' },
    ]);
  });

  test('a name close to nothing gets no guess', () => {
    const { problems } = createPolicy(designDoc, { sections: { 'Budget and Staffing': { min_words: 10 } } });
    expect(problems).toEqual([
      { path: ['sections', 'Budget and Staffing'], message: '"Budget and Staffing" is not a section of the template.' },
    ]);
  });

  test('the did-you-mean uses the template\'s spelling, without an (optional) mark', () => {
    const { problems } = createPolicy(designDoc, { sections: { Apendix: { required: true } } });
    expect(problems[0]!.message).toContain('Did you mean "Appendix"?');
  });

  test('every bad name is reported, and the good ones still apply', () => {
    const { policy, problems } = createPolicy(designDoc, {
      sections: { Sumary: { min_words: 3 }, Rollout: { min_words: 4 }, Nonsense: {} },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      ['sections', 'Sumary'],
      ['sections', 'Nonsense'],
    ]);
    expect(policy.minWords(section('Rollout'))).toBe(4);
  });

  test('a template with no headings is a problem: it requires nothing', () => {
    const { problems } = createPolicy(template('no-headings'));
    expect(problems).toEqual([
      { path: ['template'], message: 'The template has no headings, so there are no sections to require.' },
    ]);
  });
});

describe('placeholders', () => {
  test("by default the template's own <role>-style tokens count even in inline code", () => {
    const { policy } = createPolicy(template('default'));
    expect(policy.placeholders.find('As a `<role>` I can `<expr>`')).toEqual(['<role>']);
  });

  test('configured tokens replace the defaults, and without "<placeholder>" no angle token counts', () => {
    const { policy } = createPolicy(template('default'), { placeholders: ['XXX'] });
    expect(policy.placeholders.find('XXX TODO TBD `<role>` <owner>')).toEqual(['XXX']);
  });
});
