import type { Matching } from '../match.js';
import type { Policy } from '../policy.js';
import { scopeBlocks, type SectionState } from '../section-state.js';
import type { TemplateSection } from '../template.js';
import type { Block, Finding, RuleId, SpecDocument, SpecSection } from '../types.js';
import type { UnitFacts } from '../unit-facts.js';

/** Everything a rule may look at; computed once per check. */
export interface RuleContext {
  document: SpecDocument;
  policy: Policy;
  matching: Matching;
  /** The first spec heading of each template section the spec has. */
  present: Map<TemplateSection, SpecSection>;
  /** What each present section holds. */
  states: Map<TemplateSection, SectionState>;
  /** Each unit's prose key and authored words, worked out once for this check. */
  units: UnitFacts;
}

/** A finding before the configuration gives it a severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'>;

/** One file per rule, markdownlint-style: an id, what it checks, and a pure function. */
export interface Rule {
  id: RuleId;
  description: string;
  check(context: RuleContext): RuleFinding[];
}

/** A required section's parent chain is present, so its absence is its own problem. */
export function isExpected(section: TemplateSection, context: RuleContext): boolean {
  if (!context.policy.isRequired(section)) return false;
  return !section.parent || context.present.has(section.parent);
}

/** The template section a spec heading stands for, or the nearest one above it. */
export function owningSection(spec: SpecSection, context: RuleContext): TemplateSection | undefined {
  for (let at: SpecSection | undefined = spec; at; at = context.matching.parentOf.get(at)) {
    const section = context.matching.byHeading.get(at);
    if (section) return section;
  }
  return undefined;
}

/**
 * The blocks a reader sees in a written section (all its parts, their sub-sections included),
 * for the content rules; none when the section is absent or not yet written, which other rules report.
 */
export function writtenBlocks(section: TemplateSection, context: RuleContext): Block[] {
  if (context.states.get(section)?.fill !== 'written') return [];
  const parts = context.matching.bySection.get(section) ?? [];
  return parts.flatMap((spec) => scopeBlocks(spec, section, context.matching)).filter((block) => block.isContent);
}
