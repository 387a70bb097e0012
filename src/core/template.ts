import { headingKey, proseKey, withoutRequirementMark } from './normalize.js';
import { parseSpec } from './parse.js';
import { isPlaceholderHeading } from './placeholder-heading.js';
import { markerAbove, requirementOf } from './requirement.js';
import type { Block, SpecDocument, SpecSection } from './types.js';

export interface TemplateSection {
  /** The template's spelling, without a requirement mark (`(optional)`): the name findings use. */
  name: string;
  /** The heading exactly as the template writes it, for inserting into a spec. */
  heading: string;
  /** The name normalised for matching; empty for a placeholder heading, which names nothing. */
  key: string;
  level: number;
  line: number;
  /** The template marks it optional: in its heading, in a comment beside it, or in its guidance. */
  optional: boolean;
  /** Why it is optional or required, for `specgate template`: "marked optional by the comment above it, line 12". */
  why: string;
  /**
   * The heading is itself a placeholder (`{title of option 1}`, `<Option name>`): it stands for
   * any number of the author's own headings there, and is never required or inserted.
   */
  placeholder: boolean;
  /** The markdown under the heading (bullets, paragraphs, comments), trimmed of blank lines. */
  guidance: string;
  /** Normalised text of each guidance paragraph or bullet, to spot guidance left unchanged. */
  guidanceUnits: ReadonlySet<string>;
  parent?: TemplateSection;
  children: TemplateSection[];
  /** Position in template order among all sections. */
  order: number;
}

export interface Template {
  /** The lone first `#` heading, which names the document rather than a section. */
  title?: string;
  sections: TemplateSection[];
  /** Every section in template order. */
  all: TemplateSection[];
}

/** Derives the required structure from a template markdown file. */
export function parseTemplate(markdown: string): Template {
  const document = parseSpec(markdown);
  const titleSection = loneTitle(document);
  const roots = titleSection ? titleSection.children : document.sections;
  const template: Template = { sections: [], all: [] };
  if (titleSection) template.title = titleSection.heading.text;
  for (const root of roots) template.sections.push(toTemplateSection(root, document, template));
  return template;
}

function loneTitle(document: SpecDocument): SpecSection | undefined {
  const first = document.all[0];
  if (!first || first.heading.level !== 1) return undefined;
  const levelOnes = document.all.filter((section) => section.heading.level === 1);
  return levelOnes.length === 1 ? first : undefined;
}

function toTemplateSection(
  source: SpecSection,
  document: SpecDocument,
  template: Template,
  parent?: TemplateSection,
): TemplateSection {
  const heading = source.heading.text;
  const guidance = guidanceBlocks(source, document);
  const placeholder = isPlaceholderHeading(heading, headingSource(source, document));
  const requirement = placeholder
    ? { optional: true, why: "its heading is a placeholder: it stands for the author's own headings, any number of them" }
    : requirementOf(source, document, guidance);
  const section: TemplateSection = {
    name: placeholder ? headingSource(source, document) : withoutRequirementMark(heading) || heading,
    heading,
    key: placeholder ? '' : headingKey(heading),
    level: source.heading.level,
    line: source.heading.line,
    optional: requirement.optional,
    why: requirement.why,
    placeholder,
    guidance: guidanceText(guidance, source, document),
    guidanceUnits: new Set(guidance.flatMap((block) => block.units.map(proseKey)).filter(Boolean)),
    children: [],
    order: template.all.length,
  };
  if (parent) section.parent = parent;
  template.all.push(section);
  for (const child of source.children) {
    section.children.push(toTemplateSection(child, document, template, section));
  }
  return section;
}

/** The heading's own source line, without its `#` marks (a setext heading's text line). */
function headingSource(source: SpecSection, document: SpecDocument): string {
  const line = document.lines[source.heading.line - 1] ?? '';
  return line.replace(/^\s{0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$/g, '').trim();
}

/**
 * The blocks under a heading, up to its first sub-section: its guidance. A comment at the end
 * that marks the next heading optional (MADR) belongs to that heading, not to this guidance.
 */
function guidanceBlocks(source: SpecSection, document: SpecDocument): Block[] {
  const next = document.all[source.index + 1];
  const marker = next && markerAbove(next, document);
  return marker ? source.blocks.filter((block) => block.line < marker.line) : source.blocks;
}

function guidanceText(guidance: readonly Block[], source: SpecSection, document: SpecDocument): string {
  const first = source.heading.endLine + 1;
  const last = guidance.length > 0 ? guidance[guidance.length - 1]!.endLine : first - 1;
  const lines = document.lines.slice(first - 1, last);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return lines.join('\n');
}
