import { guidanceFor, resemblance } from './guidance.js';
import { isDescendant, type Matching } from './match.js';
import { countWords } from './normalize.js';
import type { Policy } from './policy.js';
import { allowsNotApplicable, isNotApplicable, isSpelledOutPlaceholder } from './spelled-out.js';
import type { TemplateSection } from './template.js';
import type { Block, SpecSection } from './types.js';
import { UnitFacts } from './unit-facts.js';

/** What a present section holds, judged once and shared by the content rules. */
export type Fill = 'empty' | 'guidance' | 'placeholders' | 'written';

export interface SectionState {
  fill: Fill;
  /**
   * Words the author wrote, not counting guidance left in place, placeholder tokens or
   * placeholders in words; text the template means to be kept (a checklist) counts.
   */
  words: number;
  /** Set when all the section says is "N/A" where the template asks for an answer. */
  notApplicable?: true;
}

/**
 * The blocks that belong to a template section found at a spec heading: its own content
 * and its sub-sections', except sub-sections that stand for another template section.
 */
export function scopeBlocks(spec: SpecSection, section: TemplateSection, matching: Matching): Block[] {
  const blocks = [...spec.blocks];
  for (const child of spec.children) {
    const other = matching.byHeading.get(child);
    if (other && other !== section && !isDescendant(other, section)) continue;
    blocks.push(...scopeBlocks(child, section, matching));
  }
  return blocks;
}

// A paragraph that is one link and nothing else: `[RFC thread](https://…)`, `<https://…>`, a bare URL.
const BARE_LINK = /^\s*(?:[-*+]\s+)?(?:\[[^\]]*\]\([^)]*\)|\[[^\]]+\]\[[^\]]+\]|<[a-z][a-z0-9+.-]*:[^<>\s]*>|https?:\/\/\S+)\s*[.,;]?\s*$/iu;

/**
 * @param lines the spec's lines, to tell a paragraph that is only a link from one that says something
 * @param facts the check's units' prose keys and authored words
 */
export function sectionState(
  spec: SpecSection,
  section: TemplateSection,
  matching: Matching,
  policy: Policy,
  lines: readonly string[],
  facts = new UnitFacts(policy),
): SectionState {
  const content = scopeBlocks(spec, section, matching).filter((block) => block.isContent);
  if (content.length === 0) return { fill: 'empty', words: 0 };
  const guidance = guidanceFor(section, policy.template);
  // Judged on the section's own text: "N/A" under a sub-heading answers that sub-heading's question.
  const notApplicableIsBlank = policy.isRequired(section) && !allowsNotApplicable(section);
  const own = new Set(spec.blocks);
  let words = 0;
  let linkWords = 0;
  let sawGuidance = false;
  let sawPlaceholder = false;
  let sawNotApplicable = false;
  for (const block of content) {
    if (block.type === 'paragraph' && BARE_LINK.test(lines.slice(block.line - 1, block.endLine).join(' '))) {
      linkWords += block.units.reduce((sum, unit) => sum + countWords(unit), 0);
      continue;
    }
    const isOwn = own.has(block);
    for (let index = 0; index < block.units.length; index++) {
      const unit = block.units[index]!;
      const keyOf = (): string => facts.key(block, index);
      const copied = resemblance(unit, guidance, { contains: false }, keyOf);
      if (copied && copied.unit.kind !== 'kept') {
        sawGuidance = true;
      } else if (copied || isNotApplicable(unit, keyOf)) {
        // Text the template means to be kept (a checklist), or "N/A", answers its own section, not the one above it.
        if (!isOwn) continue;
        if (copied || !notApplicableIsBlank) words += countWords(unit);
        else sawNotApplicable = true;
      } else if (isSpelledOutPlaceholder(unit, keyOf)) {
        sawPlaceholder = true;
      } else {
        const authored = facts.authoredWords(block, index);
        if (authored === 0) sawPlaceholder = true;
        words += authored;
      }
    }
  }
  if (words > 0) return { fill: 'written', words };
  // Nothing of the author's own: TBDs and punctuation, or the template's words left as they were (a link beside them adds nothing).
  if (sawPlaceholder) return { fill: 'placeholders', words: 0 };
  if (sawNotApplicable) return { fill: 'placeholders', words: 0, notApplicable: true };
  if (sawGuidance) return { fill: 'guidance', words: 0 };
  return { fill: 'written', words: linkWords };
}
