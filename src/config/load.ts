import type { PolicyOptions, SectionOptions } from '../core/policy.js';
import type { Strictness } from '../core/status.js';
import type { RuleId, SeveritySetting } from '../core/types.js';
import { BUILTIN_SECTION_RULES } from './builtin-template.js';
import type { ConfigNotice } from './merge.js';
import { CONFIG_SCHEMA } from './schema.js';

/** `.github/specgate.yml` with every default filled in. */
export interface SpecgateConfig {
  paths: string[];
  ignore: string[];
  template?: string;
  templates: Record<string, string>;
  named_templates: Record<string, string>;
  sections: Record<string, SectionOptions>;
  placeholders: string[];
  max_file_size: number;
  check_name: string;
  comment: 'on-failure' | 'always' | 'never';
  review_comments: 'suggestions' | 'all' | 'never';
  annotations: boolean;
  draft: 'neutral' | 'enforce';
  skip_label: string;
  require_spec?: { when_changed: string[] };
  spec_link_prefix: string;
  order: SeveritySetting;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  enforce: 'all' | 'new-problems';
  statuses: Record<string, Strictness>;
  status_order?: string[];
  status_keys: string[];
  date_keys: string[];
  waivers: { allowed: WaiverAllowance };
}

/** Who may waive a section: any one of these suffices. */
export interface WaiverAllowance {
  permission?: 'admin' | 'maintain' | 'write' | 'triage' | 'read';
  codeowners?: boolean;
  teams?: string[];
}

/** Something wrong in the configuration, with the key and the 1-based line it is on. */
export interface ConfigProblem {
  key: string;
  line: number;
  message: string;
}

export interface LoadedConfig {
  config: SpecgateConfig;
  problems: ConfigProblem[];
  /** The line a key path is on, for problems found later (a section the template lacks). */
  lineOf: (path: Path) => number;
  /** Settings an inherited configuration's locks kept from taking effect: the check summary lists them. */
  notices?: ConfigNotice[];
}

export type Path = ReadonlyArray<string | number>;

/** The defaults, as the schema documents them. */
export function defaultConfig(): SpecgateConfig {
  return resolveConfig({});
}

/**
 * What the core needs from a configuration, for one template (undefined: the built-in one, whose
 * content rules sit under the configuration's own section settings).
 */
export function policyOptions(config: SpecgateConfig, templatePath: string | undefined): PolicyOptions {
  const sections = templatePath === undefined ? withBuiltinRules(config.sections) : config.sections;
  const options: PolicyOptions = { sections, placeholders: config.placeholders, rules: { 'section-order': config.order, ...config.rules } };
  // Only when set: the defaults keep every other configuration's cache keys (and compiled policies) as they were.
  if (Object.keys(config.statuses).length > 0) options.statuses = config.statuses;
  if (config.status_order) options.status_order = config.status_order;
  if (config.status_keys.join() !== CONFIG_SCHEMA.properties.status_keys.default.join()) options.status_keys = config.status_keys;
  if (config.date_keys.join() !== CONFIG_SCHEMA.properties.date_keys.default.join()) options.date_keys = config.date_keys;
  return options;
}

function withBuiltinRules(sections: Record<string, SectionOptions>): Record<string, SectionOptions> {
  const merged: Record<string, SectionOptions> = { ...BUILTIN_SECTION_RULES };
  for (const [name, options] of Object.entries(sections)) merged[name] = { ...merged[name], ...options };
  return merged;
}

export type ConfigInput = Partial<Omit<SpecgateConfig, 'review_comments'>> & { review_comments?: SpecgateConfig['review_comments'] | boolean };

/** A configuration with every default filled in: the input is valid (parse.ts validated it). */
export function resolveConfig(input: ConfigInput): SpecgateConfig {
  const defaults = CONFIG_SCHEMA.properties;
  const config: SpecgateConfig = {
    paths: input.paths ?? [...defaults.paths.default],
    ignore: input.ignore ?? [...defaults.ignore.default],
    templates: input.templates ?? {},
    named_templates: input.named_templates ?? {},
    sections: input.sections ?? {},
    placeholders: input.placeholders ?? [...defaults.placeholders.default],
    max_file_size: input.max_file_size ?? defaults.max_file_size.default,
    check_name: input.check_name ?? defaults.check_name.default,
    comment: input.comment ?? defaults.comment.default,
    // `true` and `false` are the setting's older spelling.
    review_comments: input.review_comments === true ? 'all' : input.review_comments === false ? 'never' : (input.review_comments ?? defaults.review_comments.default),
    annotations: input.annotations ?? defaults.annotations.default,
    draft: input.draft ?? defaults.draft.default,
    skip_label: input.skip_label ?? defaults.skip_label.default,
    spec_link_prefix: input.spec_link_prefix ?? defaults.spec_link_prefix.default,
    order: input.order ?? defaults.order.default,
    rules: input.rules ?? {},
    enforce: input.enforce ?? defaults.enforce.default,
    statuses: input.statuses ?? {},
    status_keys: input.status_keys ?? [...defaults.status_keys.default],
    date_keys: input.date_keys ?? [...defaults.date_keys.default],
    waivers: { allowed: input.waivers?.allowed ?? { ...defaults.waivers.default.allowed } },
  };
  if (input.status_order !== undefined) config.status_order = input.status_order;
  if (input.template !== undefined) config.template = input.template;
  if (input.require_spec !== undefined) config.require_spec = input.require_spec;
  return config;
}

