/**
 * Whether a template section may be left out, read the ways real templates say so: a mark in
 * the heading (`(Optional)`, `*(mandatory)*`), an HTML comment on the line just above or just
 * below it (MADR: `<!-- This is an optional element. Feel free to remove. -->` above the
 * heading), or guidance that says so ("This section is optional.", "If applicable, …",
 * "Omit this section if it is not applicable").
 */
import { requirementMark } from './normalize.js';
import type { Block, SpecDocument, SpecSection } from './types.js';

export interface Requirement {
  optional: boolean;
  /** Why, for `specgate template`: "marked optional by the comment above it, line 12". */
  why: string;
}

export const DEFAULT_REQUIREMENT: Requirement = { optional: false, why: 'nothing in the template marks it optional' };

// What a template's first words about a section say, lower-cased and with its markup gone.
const LEAD_OPTIONAL = [
  /^optional\b/, // "Optional.", "*(optional)*", "[Optional] …"
  /\b(?:is|are) (?:an? |entirely |completely )?optional\b/, // "This section is optional (for non-Core EIPs)."
  /^this is an? optional\b/,
  /\boptional (?:section|element|part|heading|chapter)\b/,
  /^(?:only )?(?:if|where|when) (?:applicable|relevant|needed|necessary)\b/, // KEP: "If applicable, how will …"
  /\((?:if|where|when) (?:applicable|relevant|needed)\)/,
  /^(?:only )?include (?:this(?: section)? |it )?(?:only )?(?:if|when)\b/, // spec-kit: "*(include if …)*"
  /^(?:only )?(?:needed|required|necessary|relevant) (?:only )?(?:if|when)\b/,
];
// Said anywhere in a section's guidance, these can only be about the section itself.
const STATED_OPTIONAL = [
  /\b(?:this|the) (?:section|part|element|heading|chapter) (?:is|are) (?:entirely |completely )?optional\b/,
  /\b(?:omit|remove|skip|delete|drop|leave out) (?:this|the) (?:section|part|element|heading|chapter)\b[^.]*\b(?:if|when|unless)\b/,
  /\b(?:this|the) (?:section|part|element|heading|chapter) (?:can|may) be (?:omitted|removed|skipped|left out|dropped|deleted)\b/,
  /\bfeel free to (?:remove|omit|skip|delete|drop) (?:this|it)\b/,
];
const NEGATED = /\b(?:not|non|never)[\s-]+optional\b|\bmust not be (?:omitted|removed|skipped)\b/;
const LEAD_REQUIRED = [/^(?:mandatory|required)\b/, /\b(?:is|are) (?:mandatory|required)\b(?! (?:if|when|only|for))/];

/**
 * What a statement about a section says: optional, required, or nothing either way. A `lead`
 * statement is the first thing under (or just above) the heading: its first sentence may say
 * it in a word ("Optional."); further on, only a sentence about "this section" counts.
 */
export function statedRequirement(text: string, lead: boolean): boolean | undefined {
  const sentences = plain(text).split(/(?<=[.!?:;])\s+/u);
  const first = sentences[0] ?? '';
  if (lead && NEGATED.test(first)) return false;
  if (lead && LEAD_OPTIONAL.some((pattern) => pattern.test(first))) return true;
  const stated = sentences.some((sentence) => !NEGATED.test(sentence) && STATED_OPTIONAL.some((pattern) => pattern.test(sentence)));
  if (stated) return true;
  if (lead && LEAD_REQUIRED.some((pattern) => pattern.test(first))) return false;
  return undefined;
}

/** The requirement of a template section, from the heading at `source` in the template `document`. */
export function requirementOf(source: SpecSection, document: SpecDocument, guidance: readonly Block[]): Requirement {
  const mark = requirementMark(source.heading.text);
  if (mark) return { optional: mark.optional, why: `marked ${word(mark.optional)} by "${mark.mark}" in its heading` };
  const above = markerAbove(source, document);
  if (above) return { optional: above.optional, why: `marked ${word(above.optional)} by the comment above it, line ${above.line}` };
  const [first] = guidance;
  if (first) {
    const said = statedRequirement(sourceText(first, document), true);
    const where = first.type === 'html' ? 'the comment below it' : 'its guidance';
    if (said !== undefined) return { optional: said, why: `marked ${word(said)} by ${where}, line ${first.line}` };
  }
  for (const block of guidance.slice(1)) {
    if (statedRequirement(sourceText(block, document), false)) {
      return { optional: true, why: `marked optional by its guidance, line ${block.line}` };
    }
  }
  return DEFAULT_REQUIREMENT;
}

/**
 * A comment that ends on the line just above a heading and says whether the part is optional.
 * The parser files it under the section before; it belongs to the heading below it.
 */
export function markerAbove(source: SpecSection, document: SpecDocument): (Block & { optional: boolean }) | undefined {
  const before = document.all[source.index - 1];
  const blocks = before ? before.blocks : document.preamble;
  const last = blocks[blocks.length - 1];
  if (!last || last.type !== 'html' || last.endLine !== source.heading.line - 1) return undefined;
  const text = sourceText(last, document);
  if (!text.trimStart().startsWith('<!--')) return undefined;
  const optional = statedRequirement(text, true);
  return optional === undefined ? undefined : { ...last, optional };
}

function sourceText(block: Block, document: SpecDocument): string {
  return document.lines.slice(block.line - 1, block.endLine).join('\n');
}

/** A statement lower-cased, without comment fences or markdown marks, on one line. */
function plain(text: string): string {
  return text
    .replace(/<!--|-->/g, ' ')
    .replace(/[*_`>#]+/g, ' ')
    .replace(/^\s*(?:[-+]|\d+[.)])\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}]+/u, '') // "*(optional)*" under a heading
    .trim()
    .toLowerCase();
}

function word(optional: boolean): string {
  return optional ? 'optional' : 'required';
}
