import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkSpec,
  createPolicy,
  parseTemplate,
  type Finding,
  type Policy,
  type PolicyOptions,
  type SpecDocument,
  type SpecSection,
  type Template,
} from '../../src/core/index.js';
import { fixture, ROOT } from './fixtures.js';

/**
 * A real spec vendored from a corpus, by its upstream path under test/fixtures/differential/ (byte
 * for byte, licences beside: see its NOTICE). Tests never read the corpora outside the repository.
 */
export function corpusFile(path: string): string {
  return fixture(`differential/${path}`);
}

/** The built-in template's text. */
export function defaultTemplateText(): string {
  return readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8');
}

/** `default` is the built-in template; any other name is a file under test/fixtures/templates/. */
export function template(name: string): Template {
  return parseTemplate(name === 'default' ? defaultTemplateText() : fixture(`templates/${name}.md`));
}

/** A policy for a template; a configuration problem fails the test that asked for it. */
export function policyFor(templateName: string, options: PolicyOptions = {}): Policy {
  const { policy, problems } = createPolicy(template(templateName), options);
  if (problems.length > 0) throw new Error(`unexpected policy problems: ${JSON.stringify(problems)}`);
  return policy;
}

/** Findings for a spec under test/fixtures/specs/, checked against a template. */
export function check(spec: string, templateName: string, options: PolicyOptions = {}): Finding[] {
  return checkSpec(fixture(`specs/${spec}`), policyFor(templateName, options));
}

/** What most assertions name: which rule, which section, which line. */
export function where(findings: readonly Finding[]): Array<Pick<Finding, 'rule' | 'section' | 'line'>> {
  return findings.map(({ rule, section, line }) => ({ rule, section, line }));
}

export function ofRule(findings: readonly Finding[], rule: Finding['rule']): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

/** A spec document's headings as a nested outline, for comparing whole trees. */
export interface Outline {
  text: string;
  level: number;
  line: number;
  endLine: number;
  children: Outline[];
}

export function outline(document: SpecDocument): Outline[] {
  const visit = (section: SpecSection): Outline => ({
    text: section.heading.text,
    level: section.heading.level,
    line: section.heading.line,
    endLine: section.endLine,
    children: section.children.map(visit),
  });
  return document.sections.map(visit);
}

/** The section whose heading reads `text`; fails loudly when there is none. */
export function sectionNamed(document: SpecDocument, text: string): SpecSection {
  const found = document.all.find((section) => section.heading.text === text);
  if (!found) throw new Error(`no heading "${text}" in ${JSON.stringify(document.all.map((s) => s.heading.text))}`);
  return found;
}
