import { createPolicy, type TemplateSection } from '../../src/core/index.js';
import { check, ofRule, template, where } from '../helpers/core.js';

// Template: test/fixtures/templates/optional-marks.md, one section per way a template says "optional".
const parsed = template('optional-marks');

function named(name: string): TemplateSection {
  const found = parsed.all.find((section) => section.name === name);
  if (!found) throw new Error(`no section "${name}"`);
  return found;
}

describe('a template says which parts are optional in every common way', () => {
  test.each([
    ['Decision Drivers', 'marked optional by the comment above it, line 7'],
    ['Motivation', 'marked optional by the comment below it, line 14'],
    ['Test Cases', 'marked optional by the comment below it, line 22'],
    ['Migration', 'marked optional by its guidance, line 28'],
    ['Upgrade Strategy', 'marked optional by its guidance, line 32'],
    ['Examples', 'marked optional by "(if applicable)" in its heading'],
    ['Key Entities', 'marked optional by "(include if feature involves data)" in its heading'],
    ['Requirements', 'marked optional by its guidance, line 48'],
  ])('%s is optional: %s', (name, why) => {
    expect(named(name)).toMatchObject({ optional: true, why });
  });

  test.each([
    ['Summary', 'nothing in the template marks it optional'],
    ['User Scenarios & Testing', 'marked required by "(mandatory)" in its heading'],
    // "For non-optional features" and "can optionally link" say nothing about the section itself.
    ['Security', 'nothing in the template marks it optional'],
    ['Rollout', 'marked required by the comment below it, line 58'],
  ])('%s is required: %s', (name, why) => {
    expect(named(name)).toMatchObject({ optional: false, why });
  });

  test('a comment just above a heading belongs to that heading, not to the guidance of the section above it', () => {
    expect(named('Summary').guidance).toBe('One paragraph: what changes, and for whom.');
    expect(named('Summary').optional).toBe(false);
  });

  test('a requirement mark is no part of the name', () => {
    expect(named('User Scenarios & Testing').heading).toBe('User Scenarios & Testing (mandatory)');
    expect(named('Key Entities').key).toBe('key entities');
  });
});

describe('a spec that leaves out every optional part', () => {
  test('has no finding: only the required sections are missing-section errors', () => {
    expect(check('structure/required-only.md', 'optional-marks')).toEqual([]);
  });

  test('the configuration still wins: required: true makes an optional part required, required: false the reverse', () => {
    const findings = check('structure/required-only.md', 'optional-marks', {
      sections: { Motivation: { required: true }, Security: { required: false } },
    });
    expect(where(ofRule(findings, 'missing-section'))).toEqual([{ rule: 'missing-section', section: 'Motivation', line: 7 }]);
  });

  test('the policy says why, the configuration first', () => {
    const { policy } = createPolicy(parsed, { sections: { Motivation: { required: true } } });
    expect(policy.requirement(named('Motivation'))).toEqual({ required: true, why: 'required: true in the configuration' });
    expect(policy.requirement(named('Migration'))).toEqual({ required: false, why: 'marked optional by its guidance, line 28' });
  });
});
