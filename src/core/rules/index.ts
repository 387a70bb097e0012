import { duplicateSection } from './duplicate-section.js';
import { emptySection } from './empty-section.js';
import { missingSection } from './missing-section.js';
import { placeholderSection } from './placeholder-section.js';
import { placeholderText } from './placeholder-text.js';
import type { Rule } from './rule.js';
import { sectionOrder } from './section-order.js';
import { shortSection } from './short-section.js';
import { unknownSection } from './unknown-section.js';

export const RULES: readonly Rule[] = [
  missingSection,
  emptySection,
  placeholderSection,
  placeholderText,
  shortSection,
  duplicateSection,
  sectionOrder,
  unknownSection,
];
