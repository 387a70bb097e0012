import type { FileRuleId, RuleId } from '../types.js';
import { duplicateSection } from './duplicate-section.js';
import { emptySection } from './empty-section.js';
import { forbiddenPhrase } from './forbidden-phrase.js';
import { leftoverGuidance } from './leftover-guidance.js';
import { missingContent } from './missing-content.js';
import { missingSection } from './missing-section.js';
import { placeholderSection } from './placeholder-section.js';
import { placeholderText } from './placeholder-text.js';
import type { Rule } from './rule.js';
import { sectionOrder } from './section-order.js';
import { shortSection } from './short-section.js';
import { uncheckedItems } from './unchecked-items.js';
import { unknownSection } from './unknown-section.js';

export const RULES: readonly Rule[] = [
  missingSection,
  emptySection,
  placeholderSection,
  placeholderText,
  leftoverGuidance,
  shortSection,
  duplicateSection,
  sectionOrder,
  unknownSection,
  missingContent,
  forbiddenPhrase,
  uncheckedItems,
];

/** What each rule checks, for SARIF rule metadata and the docs. */
export const RULE_DESCRIPTIONS: Readonly<Record<RuleId | FileRuleId, string>> = {
  ...(Object.fromEntries(RULES.map((rule) => [rule.id, rule.description])) as Record<RuleId, string>),
  'file-too-large': 'The spec file is over the size limit, so it was not checked.',
  'too-complex': 'Checking the spec file took more time or memory than the server allows (deeply nested lists, for example), so it was not checked.',
  'not-text': 'The spec file is not UTF-8 text (binary, or another encoding), so it was not checked.',
  'unknown-template': "The spec's front matter names a template that the configuration's named_templates does not define, so it was not checked.",
  'linked-spec-missing': 'The pull request description links a spec that does not exist at the head commit.',
};
