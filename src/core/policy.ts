import { distance } from 'fastest-levenshtein';
import type { Aliases } from './match.js';
import { headingKey } from './normalize.js';
import { DEFAULT_PLACEHOLDERS, placeholderMatcher, type PlaceholderMatcher } from './placeholders.js';
import type { Template, TemplateSection } from './template.js';
import type { ContentKind, RuleId, SeveritySetting } from './types.js';

export type { ContentKind } from './types.js';

/** The content rules configured for one section. */
export interface ContentRules {
  mustContain: readonly ContentKind[];
  mustMention: readonly string[];
  forbid: readonly string[];
  maxUnchecked?: number;
}

/** Per-section settings, as `.github/specgate.yml` spells them. */
export interface SectionOptions {
  required?: boolean;
  min_words?: number;
  aliases?: string[];
  /** Kinds of content the section must hold, each of them (a checklist counts as a list). */
  must_contain?: ContentKind[];
  /** Phrases of which the section must mention at least one. */
  must_mention?: string[];
  /** Phrases the section must not say. */
  forbid?: string[];
  /** How many checklist items (`- [ ]`) may be left unticked. */
  max_unchecked?: number;
  /** For configuration layering only (see src/config/merge.ts): the core does not read it. */
  locked?: boolean;
}

/** The part of the configuration the core reads. */
export interface PolicyOptions {
  sections?: Record<string, SectionOptions>;
  placeholders?: string[];
  rules?: Partial<Record<RuleId, SeveritySetting>>;
}

export const DEFAULT_SEVERITIES: Readonly<Record<RuleId, SeveritySetting>> = {
  'missing-section': 'error',
  'empty-section': 'error',
  'placeholder-section': 'error',
  'placeholder-text': 'warning',
  'leftover-guidance': 'warning',
  'short-section': 'warning',
  'duplicate-section': 'warning',
  'section-order': 'notice',
  'unknown-section': 'off',
  'missing-content': 'warning',
  'forbidden-phrase': 'warning',
  'unchecked-items': 'warning',
};

/** A template with the configuration applied: everything a check needs to judge a spec. */
export interface Policy {
  template: Template;
  aliases: Aliases;
  placeholders: PlaceholderMatcher;
  severities: Readonly<Record<RuleId, SeveritySetting>>;
  isRequired(section: TemplateSection): boolean;
  /** Whether the section is required, and why: the configuration's `required:` wins over the template. */
  requirement(section: TemplateSection): { required: boolean; why: string };
  minWords(section: TemplateSection): number;
  /** The section's `must_contain`, `must_mention`, `forbid` and `max_unchecked`. */
  contentRules(section: TemplateSection): ContentRules;
}

/** A configuration entry the template cannot honour; `path` points into the configuration. */
export interface PolicyProblem {
  path: string[];
  message: string;
}

export function createPolicy(template: Template, options: PolicyOptions = {}): { policy: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  if (template.all.length === 0) {
    problems.push({ path: ['template'], message: 'The template has no headings, so there are no sections to require.' });
  }
  const settings = new Map<TemplateSection, SectionOptions>();
  for (const [name, sectionOptions] of Object.entries(options.sections ?? {})) {
    const section = template.all.find((candidate) => candidate.key !== '' && candidate.key === headingKey(name));
    if (section) settings.set(section, { ...settings.get(section), ...sectionOptions });
    else problems.push({ path: ['sections', name], message: unknownSectionMessage(name, template) });
  }
  const aliases = new Map<TemplateSection, string[]>();
  for (const [section, sectionOptions] of settings) if (sectionOptions.aliases) aliases.set(section, sectionOptions.aliases);

  const tokens = options.placeholders ?? DEFAULT_PLACEHOLDERS;
  const policy: Policy = {
    template,
    aliases,
    placeholders: placeholderMatcher(tokens, template.all.map((section) => section.guidance).join('\n')),
    severities: { ...DEFAULT_SEVERITIES, ...options.rules },
    isRequired: (section) => requirementOf(section, settings).required,
    requirement: (section) => requirementOf(section, settings),
    minWords: (section) => settings.get(section)?.min_words ?? 0,
    contentRules: (section) => contentRulesOf(settings.get(section)),
  };
  return { policy, problems };
}

function requirementOf(section: TemplateSection, settings: ReadonlyMap<TemplateSection, SectionOptions>): { required: boolean; why: string } {
  // A placeholder heading names no section, so no setting can require its literal text.
  if (section.placeholder) return { required: false, why: section.why };
  const configured = settings.get(section)?.required;
  if (configured !== undefined) return { required: configured, why: `required: ${configured} in the configuration` };
  return { required: !section.optional, why: section.why };
}

function contentRulesOf(options: SectionOptions | undefined): ContentRules {
  const rules: ContentRules = { mustContain: options?.must_contain ?? [], mustMention: options?.must_mention ?? [], forbid: options?.forbid ?? [] };
  return options?.max_unchecked === undefined ? rules : { ...rules, maxUnchecked: options.max_unchecked };
}

function unknownSectionMessage(name: string, template: Template): string {
  const key = headingKey(name);
  const closest = template.all
    .map((section) => ({ section, score: distance(key, section.key) }))
    .sort((a, b) => a.score - b.score)[0];
  const hint = closest && closest.score <= Math.max(2, key.length / 3) ? ` Did you mean "${closest.section.name}"?` : '';
  return `"${name}" is not a section of the template.${hint}`;
}
