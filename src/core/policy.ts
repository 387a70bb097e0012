import { closest } from './closest.js';
import type { Aliases } from './match.js';
import { headingKey } from './normalize.js';
import { DEFAULT_PLACEHOLDERS, placeholderMatcher, type PlaceholderMatcher } from './placeholders.js';
import type { Deferral, Lifecycle } from './lifecycle.js';
import { DEFAULT_DATE_KEYS } from './spec-date.js';
import { DEFAULT_STATUS_KEYS, type Strictness } from './status.js';
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
  /** Required only once the spec's status reaches this one (in `status_order`). */
  required_from?: string;
  /** Required only of specs dated on or after this day (`YYYY-MM-DD`). */
  required_since?: string;
}

/** The part of the configuration the core reads. */
export interface PolicyOptions {
  sections?: Record<string, SectionOptions>;
  placeholders?: string[];
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Status (case-insensitive) to strictness. */
  statuses?: Record<string, Strictness>;
  /** The statuses in the order a spec goes through them; default: the order of `statuses`. */
  status_order?: string[];
  status_keys?: string[];
  date_keys?: string[];
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
  /** Statuses, dates and the sections that are required only from a status or a day on. */
  lifecycle: Lifecycle;
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
    const section = sectionNamed(template, name);
    if (section) settings.set(section, { ...settings.get(section), ...sectionOptions });
    else problems.push({ path: ['sections', name], message: unknownSectionMessage(name, template) });
  }
  const lifecycle = lifecycleOf(options, template);
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
    lifecycle,
    contentRules: (section) => contentRulesOf(settings.get(section)),
  };
  return { policy, problems };
}

function sectionNamed(template: Template, name: string): TemplateSection | undefined {
  return template.all.find((candidate) => candidate.key !== '' && candidate.key === headingKey(name));
}

/** The statuses and deferred sections; `required_from` naming a status of the order is checked with the configuration (src/config/parse.ts). */
function lifecycleOf(options: PolicyOptions, template: Template): Lifecycle {
  const statuses = options.statuses ?? {};
  const order = options.status_order ?? Object.keys(statuses);
  const deferrals = new Map<string, Deferral>();
  for (const [name, { required_from: from, required_since: since }] of Object.entries(options.sections ?? {})) {
    const section = sectionNamed(template, name);
    if (!section || (from === undefined && since === undefined)) continue;
    deferrals.set(section.name, { ...deferrals.get(section.name), ...(from === undefined ? {} : { from }), ...(since === undefined ? {} : { since }) });
  }
  return { statuses, order, statusKeys: options.status_keys ?? DEFAULT_STATUS_KEYS, dateKeys: options.date_keys ?? DEFAULT_DATE_KEYS, deferrals };
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
  // Compared by heading key (case and punctuation folded), offered by the template's own spelling.
  const nearest = closest(headingKey(name), template.all.map((section) => section.key));
  const section = nearest === undefined ? undefined : template.all.find((candidate) => candidate.key === nearest);
  const hint = section ? ` Did you mean "${section.name}"?` : '';
  return `"${name}" is not a section of the template.${hint}`;
}
