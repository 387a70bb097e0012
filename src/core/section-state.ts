import { isDescendant, type Matching } from './match.js';
import { countWords, proseKey } from './normalize.js';
import type { Policy } from './policy.js';
import type { TemplateSection } from './template.js';
import type { Block, SpecSection } from './types.js';

/** What a present section holds, judged once and shared by the content rules. */
export type Fill = 'empty' | 'guidance' | 'placeholders' | 'written';

export interface SectionState {
  fill: Fill;
  /** Words the author wrote, not counting guidance left in place or placeholder tokens. */
  words: number;
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

export function sectionState(spec: SpecSection, section: TemplateSection, matching: Matching, policy: Policy): SectionState {
  const content = scopeBlocks(spec, section, matching).filter((block) => block.isContent);
  if (content.length === 0) return { fill: 'empty', words: 0 };
  const guidance = guidanceUnits(section);
  let words = 0;
  let onlyGuidance = true;
  for (const unit of content.flatMap((block) => block.units)) {
    if (guidance.size > 0 && guidance.has(proseKey(unit))) continue;
    onlyGuidance = false;
    words += countWords(policy.placeholders.strip(unit));
  }
  if (words > 0) return { fill: 'written', words };
  // Nothing of the author's own: the template's words left as they were, or TBDs and punctuation.
  return { fill: onlyGuidance ? 'guidance' : 'placeholders', words };
}

// A template outlives the checks that use it: its sections' guidance is gathered once.
const guidanceCache = new WeakMap<TemplateSection, ReadonlySet<string>>();

function guidanceUnits(section: TemplateSection): ReadonlySet<string> {
  let units = guidanceCache.get(section);
  if (!units) {
    const gathered = new Set(section.guidanceUnits);
    for (const child of section.children) for (const unit of guidanceUnits(child)) gathered.add(unit);
    guidanceCache.set(section, (units = gathered));
  }
  return units;
}
