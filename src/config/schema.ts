import { RULE_IDS } from '../core/types.js';

const severity = {
  type: 'string',
  enum: ['off', 'notice', 'warning', 'error'],
} as const;

const globList = (description: string, defaults: string[]) =>
  ({ type: 'array', items: { type: 'string', minLength: 1 }, description, default: defaults }) as const;

/**
 * The one schema for `.github/specgate.yml`. The CLI, the app and the Action validate
 * against it, `schema/specgate.schema.json` is written from it for editors, and the
 * configuration reference is generated from its descriptions.
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://specgate.dev/schema/specgate.schema.json',
  title: 'specgate configuration (.github/specgate.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    _extends: {
      type: 'string',
      description: "Inherit another repository's configuration, as Probot reads it (`.github` or `owner/repo:path`). Keys here override it.",
    },
    paths: globList('Globs of spec files, relative to the repository root.', ['docs/specs/**/*.md', 'specs/**/*.md', '**/*.spec.md']),
    ignore: globList('Globs of files never checked, even when `paths` matches them. The template file itself is never checked.', [
      '**/TEMPLATE.md',
    ]),
    template: {
      type: 'string',
      minLength: 1,
      description: 'Path of the template in the repository. Without it, the built-in default template is used.',
    },
    templates: {
      type: 'object',
      description: 'Per-path templates: a glob of spec files mapped to a template path. The most specific matching glob wins over `template`.',
      additionalProperties: { type: 'string', minLength: 1 },
      default: {},
    },
    sections: {
      type: 'object',
      description: "Per-section settings, keyed by the section's name in the template (matched the way headings are).",
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          required: { type: 'boolean', description: 'Whether the section must be present. Default: true, or false for headings marked `(optional)`.' },
          min_words: { type: 'integer', minimum: 0, description: 'Fewer words than this gives a short-section warning. Default: 0.' },
          aliases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Other headings that count as this section.' },
        },
      },
      default: {},
    },
    placeholders: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Placeholder tokens, matched case-sensitively as whole words. `<placeholder>` stands for any `<role>`-style token; a token that opens `[` without closing it runs to the next `]`.',
      default: ['TBD', 'TODO', 'FIXME', '???', '<placeholder>', '[NEEDS CLARIFICATION'],
    },
    max_file_size: {
      type: 'integer',
      minimum: 1,
      description: 'Spec files larger than this many bytes get a file-too-large finding instead of a check.',
      default: 1048576,
    },
    check_name: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'Name of the check run (the app and the Action). Branch protection requires checks by this name.',
      default: 'Spec completeness',
    },
    comment: {
      type: 'string',
      enum: ['on-failure', 'always', 'never'],
      description:
        'The sticky pull request comment: `on-failure` creates it when the check fails and keeps it current after that, `always` also when it passes, `never` posts none.',
      default: 'on-failure',
    },
    review_comments: {
      type: 'boolean',
      description: 'Comment on the exact lines of the diff where a finding is, with a suggestion where a missing section can be inserted.',
      default: true,
    },
    draft: {
      type: 'string',
      enum: ['neutral', 'enforce'],
      description: 'Draft pull requests are checked; `neutral` reports a failing draft as neutral instead of failure.',
      default: 'neutral',
    },
    skip_label: {
      type: 'string',
      minLength: 1,
      description: 'A pull request with this label passes the check as "skipped by label", naming who added it.',
      default: 'spec-check: skip',
    },
    require_spec: {
      type: 'object',
      additionalProperties: false,
      description: 'Fail a pull request that changes files matching `when_changed` without changing any spec file.',
      properties: {
        when_changed: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs of files that need a spec when changed.' },
      },
      required: ['when_changed'],
    },
    order: { ...severity, description: 'Severity of section-order findings (shorthand for `rules.section-order`).', default: 'notice' },
    rules: {
      type: 'object',
      description: 'Severity per rule: off, notice, warning or error.',
      propertyNames: { enum: [...RULE_IDS] },
      additionalProperties: severity,
      default: {},
    },
  },
} as const;

export type ConfigKey = keyof typeof CONFIG_SCHEMA.properties;
