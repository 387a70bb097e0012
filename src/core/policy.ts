import { closest } from './closest.js';
import type { Aliases } from './match.js';
import { headingKey } from './normalize.js';
import { DEFAULT_PLACEHOLDERS, placeholderMatcher, type PlaceholderMatcher } from './placeholders.js';
import type { Template, TemplateSection } from './template.js';
import type { RuleId, SeveritySetting } from './types.js';

/** Per-section settings, as `.github/specgate.yml` spells them. */
export interface SectionOptions {
  required?: boolean;
  min_words?: number;
  aliases?: string[];
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

function unknownSectionMessage(name: string, template: Template): string {
  // Compared by heading key (case and punctuation folded), offered by the template's own spelling.
  const nearest = closest(headingKey(name), template.all.map((section) => section.key));
  const section = nearest === undefined ? undefined : template.all.find((candidate) => candidate.key === nearest);
  const hint = section ? ` Did you mean "${section.name}"?` : '';
  return `"${name}" is not a section of the template.${hint}`;
}
