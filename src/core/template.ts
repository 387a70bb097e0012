import { headingKey, isOptionalHeading, proseKey, withoutOptionalMark } from './normalize.js';
import { parseSpec } from './parse.js';
import type { SpecDocument, SpecSection } from './types.js';

export interface TemplateSection {
  /** The template's spelling, without an `(optional)` mark: the name findings use. */
  name: string;
  /** The heading exactly as the template writes it, for inserting into a spec. */
  heading: string;
  key: string;
  level: number;
  line: number;
  optional: boolean;
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
  const section: TemplateSection = {
    name: withoutOptionalMark(heading) || heading,
    heading,
    key: headingKey(heading),
    level: source.heading.level,
    line: source.heading.line,
    optional: isOptionalHeading(heading),
    guidance: guidanceOf(source, document),
    guidanceUnits: new Set(source.blocks.flatMap((block) => block.units.map(proseKey)).filter(Boolean)),
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

function guidanceOf(source: SpecSection, document: SpecDocument): string {
  const first = source.heading.endLine + 1;
  const last = source.children[0] ? source.children[0].heading.line - 1 : source.endLine;
  const lines = document.lines.slice(first - 1, last);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.join('\n');
}
