import { boldLeads } from '../bold-leads.js';
import { isDescendant } from '../match.js';
import { nearMisses } from '../near-miss.js';
import { headingKey } from '../normalize.js';
import { longQuestionsAmong, rewordedSections } from '../reworded.js';
import { sectionSkeleton } from '../skeleton.js';
import type { TemplateSection } from '../template.js';
import type { SpecSection } from '../types.js';
import { isExpected, type Rule, type RuleContext, type RuleFinding } from './rule.js';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'A required section of the template has no heading in the spec.',
  check(context) {
    const expected = context.policy.template.all.filter((section) => !context.present.has(section) && isExpected(section, context));
    const missing = expected.length > 0 ? withoutBoldLeads(expected, context) : expected;
    const lookalikes = nearMisses(missing, hintCandidates(context));
    return missing.map((section) => {
      const insertBeforeLine = insertionLine(section, context);
      const finding: RuleFinding = {
        section: section.name,
        line: Math.max(1, Math.min(insertBeforeLine, context.document.lineCount)),
        insertBeforeLine,
        insertText: sectionSkeleton(section, insertionLevel(section, context), context.policy.isRequired),
        message: message(section, insertBeforeLine, context),
      };
      const lookalike = lookalikes.get(section);
      if (lookalike) {
        const { text, line } = lookalike.heading;
        // Point at the heading to rename: that is where the fix is, and the only one the message gives.
        finding.line = line;
        finding.didYouMean = { heading: text, line };
        finding.message = `Section "${section.name}" is missing. "${text}" (line ${line}) looks like it: rename it to "${section.name}", or add an alias under sections: in the configuration: ${aliasLine(section.name, text)}`;
      }
      return finding;
    });
  },
};

/**
 * A section written as a bold lead (`* **Does enabling the feature change any default behavior?**`)
 * is there, and so is a long question asked in the template's earlier wording (`reworded.ts`).
 */
function withoutBoldLeads(sections: TemplateSection[], context: RuleContext): TemplateSection[] {
  const leads = boldLeads(context.document);
  if (leads.length === 0) return sections;
  const keys = new Set(leads.map((lead) => lead.key));
  const names = (section: TemplateSection): string[] => [section.name, ...(context.policy.aliases.get(section) ?? [])];
  const left = sections.filter((section) => !names(section).some((name) => keys.has(headingKey(name))));
  const { template } = context.policy;
  const askedInBold = leads.filter((lead) => lead.text.endsWith('?')).map((lead) => ({ item: lead, key: lead.key }));
  const reworded = rewordedSections(template, longQuestionsAmong(template, left), askedInBold);
  return left.filter((section) => !reworded.has(section));
}

/**
 * Headings that may be a missing section under another name: those that name nothing, the
 * author's own headings in a placeholder's place, and those that named a section only in part.
 */
function hintCandidates(context: RuleContext): SpecSection[] {
  const { matching } = context;
  const unmatched = new Set(matching.unmatched);
  return context.document.all.filter((spec) => unmatched.has(spec) || matching.authored.has(spec) || matching.byParts.has(spec));
}

/** The YAML line that makes a heading an alias of a section: `Reference Implementation: { aliases: [Implementation] }`. */
export function aliasLine(section: string, heading: string): string {
  return `${yamlScalar(section)}: { aliases: [${yamlScalar(heading)}] }`;
}

// A plain YAML scalar in flow context: no indicator characters, no leading or trailing space.
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._'()-]*$/u.test(text) && !text.endsWith(' ') ? text : JSON.stringify(text);
}

/**
 * Where the section belongs: before the next sibling the spec has, else after the previous
 * one, else at the end of its parent, else at the end of the document.
 */
function insertionLine(section: TemplateSection, context: RuleContext): number {
  const siblings = section.parent ? section.parent.children : context.policy.template.sections;
  const position = siblings.indexOf(section);
  for (const next of siblings.slice(position + 1)) {
    const spec = context.present.get(next);
    if (spec) return spec.heading.line;
  }
  for (const previous of siblings.slice(0, position).reverse()) {
    const spec = context.present.get(previous);
    if (spec) return endOfScope(spec.endLine, previous, context) + 1;
  }
  const parent = section.parent && context.present.get(section.parent);
  return parent ? parent.endLine + 1 : context.document.lineCount + 1;
}

/**
 * The heading level the spec uses for this section's siblings (specs number their levels
 * differently from templates), else one below its parent's, else the template's own.
 */
function insertionLevel(section: TemplateSection, context: RuleContext): number {
  const siblings = section.parent ? section.parent.children : context.policy.template.sections;
  for (const sibling of siblings) {
    const spec = context.present.get(sibling);
    if (spec) return spec.heading.level + section.level - sibling.level;
  }
  const parent = section.parent && context.present.get(section.parent);
  return parent ? parent.heading.level + section.level - section.parent!.level : section.level;
}

/** A section's range ends early where a heading for an unrelated template section nests inside it. */
function endOfScope(endLine: number, section: TemplateSection, context: RuleContext): number {
  const spec = context.present.get(section)!;
  for (const [other, heading] of context.present) {
    if (other === section || isDescendant(other, section)) continue;
    if (heading.heading.line > spec.heading.line && heading.heading.line <= endLine) return heading.heading.line - 1;
  }
  return endLine;
}

function message(section: TemplateSection, insertBeforeLine: number, context: RuleContext): string {
  const where =
    insertBeforeLine > context.document.lineCount ? 'at the end of the document' : `before line ${insertBeforeLine}`;
  const children = section.children.filter((child) => context.policy.isRequired(child)).map((child) => `"${child.name}"`);
  const withChildren = children.length > 0 ? ` with its sub-sections ${children.join(', ')}` : '';
  return `Section "${section.name}" is missing. Add it${withChildren} ${where}.`;
}
