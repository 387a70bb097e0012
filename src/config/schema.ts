import { CONTENT_KINDS, RULE_IDS } from '../core/types.js';

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
      description:
        "Inherit another repository's configuration, as Probot reads it (`.github` or `owner/repo:path`); a repository without a configuration file uses its owner's `.github` one. Keys here replace the inherited ones, except `sections`, which is merged section by section and key by key. This is how an organisation sets one policy for all its repositories: it writes `.github/specgate.yml` in its `.github` repository and marks the sections every repository must keep with `locked: true`; a repository may then tighten a locked section (`required: true`, a higher `min_words`, more `aliases`) but not loosen it.",
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
      description: 'Per-path templates: a glob of spec files mapped to a template path. The most specific matching glob (the one with the most literal characters) wins over `template`. The check summary names the template each spec was checked against.',
      additionalProperties: { type: 'string', minLength: 1 },
      default: {},
    },
    named_templates: {
      type: 'object',
      description:
        'Templates a spec can choose by name in its front matter (`template: adr`): a name mapped to a template path. A spec that names a template this way is checked against it whatever `templates` and `template` say; a name not listed here is an error finding on that front matter line.',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
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
          required: {
            type: 'boolean',
            description:
              'Whether the section must be present; wins over the template. Default: what the template says (`specgate template` shows it and why): false for a part the template marks optional, by `(optional)` or `*(include if …)*` in the heading, a comment just above or below it (`<!-- This is an optional element. -->`), or guidance that says so ("This section is optional.", "If applicable, …", "Omit this section if …"); else true.',
          },
          min_words: { type: 'integer', minimum: 0, description: 'Fewer words than this gives a short-section warning. Default: 0.' },
          aliases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Other headings that count as this section.' },
          required_from: {
            type: 'string',
            minLength: 1,
            description:
              'The status from which on the section is required (`required_from: Accepted`): a spec whose status comes earlier in `status_order` (a Draft) may leave it out, and its absence is a notice that says why. A spec that states no status, or one the order does not list, needs it. Must be a status of `status_order` (or of `statuses` when there is no `status_order`).',
          },
          required_since: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description:
              'The day the section was added to the template (`required_since: 2023-06-01`): a spec dated before it (by `date_keys`) may leave it out, and its absence is a notice that names both dates. A spec with no date it can read counts as new and needs the section. Write the date as YYYY-MM-DD, quoted or not.',
          },
          must_contain: {
            type: 'array',
            items: { type: 'string', enum: [...CONTENT_KINDS] },
            uniqueItems: true,
            description:
              'Kinds of content the section must hold, each of them: `list`, `checklist` (a list item that starts `[ ]` or `[x]`), `table`, `code` (a code block) or `link`. A checklist counts as a list. One missing is a missing-content warning on the heading. Only a written section is looked at: an empty one is already an empty-section finding.',
          },
          must_mention: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 100 },
            description:
              'Phrases of which the section must say at least one (`[rollback, roll back, revert]`), matched as `forbid` matches them. Saying none is a missing-content warning on the heading.',
          },
          forbid: {
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 100 },
            description:
              'Phrases the section must not say (`["best effort", "should be fine"]`): plain text, not patterns, matched case-insensitively as whole words (`roll back` matches "Roll back," but not "enroll backups"), in the text a reader sees: code and comments are not searched. Each phrase found is a forbidden-phrase warning on its first line.',
          },
          max_unchecked: {
            type: 'integer',
            minimum: 0,
            description: 'How many checklist items (`- [ ]`) the section may leave unticked; more is an unchecked-items warning on the first one. `0`: every item ticked.',
          },
          locked: {
            type: 'boolean',
            description:
              "In an inherited configuration (an organisation's `.github` repository): repositories that extend it cannot loosen this section. A repository's `required: false` (unless this configuration itself says `required: false`), a lower `min_words`, a higher `max_unchecked`, another `must_mention` list, a `required_from` or `required_since` other than its own, or `locked: false` is ignored, with a note in the check summary; `required: true`, a higher `min_words`, more `aliases`, more `must_contain` kinds and more `forbid` phrases apply (lists are added to the inherited ones).",
          },
        },
      },
      default: {},
    },
    placeholders: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Placeholder tokens, matched case-sensitively as whole words. A token in capitals (`TODO`) is a marker: it counts where it marks text (`TODO: …`, `Owner: TBD`, a sentence of its own), not as a word in a sentence ("the TODO list"), in quotes or in a block quote. `<placeholder>` stands for bracket placeholders: the template\'s own (`<role>`, `{justification}`, in the style the template writes them), ones that read as words (`<your name>`), and a line of nothing but tokens (`<owner> <team>`, `Owner: <name>`); never HTML, generics, command-line syntax or code. A token that opens `[` without closing it runs to the next `]`. A list here replaces the defaults, it does not add to them: to add a token and keep the defaults, list them too (`[TBD, TODO, FIXME, XXX, "???", "<placeholder>", "[NEEDS CLARIFICATION", WIP]`).',
      default: ['TBD', 'TODO', 'FIXME', 'XXX', '???', '<placeholder>', '[NEEDS CLARIFICATION'],
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
      enum: ['suggestions', 'all', 'never', true, false],
      description:
        'Line comments on the diff. `suggestions` (default) posts one only where it carries a one-click suggestion (the missing section\'s heading and guidance, or a near-miss heading renamed) that the sticky comment does not show, so each finding appears once in the conversation; `all` comments on every finding on a line of the diff (`true` means the same); `never` posts none (`false` too).',
      default: 'suggestions',
    },
    annotations: {
      type: 'boolean',
      description:
        'Annotations on the check run (and, in the Action, on the step): each finding on its line in the **Files changed** tab, except a finding a line comment already carries there. `false` leaves the check run\'s summary table only.',
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
    spec_link_prefix: {
      type: 'string',
      maxLength: 50,
      description:
        'A line of the pull request description that starts with this prefix and a repository path (`Spec: docs/specs/search.md`) links that spec: it is checked at the head commit even when the pull request does not change it, and a linked spec that does not exist there is an error. Matched case-insensitively, at the start of a line outside code blocks. An empty string turns linking off.',
      default: 'Spec:',
    },
    enforce: {
      type: 'string',
      enum: ['all', 'new-problems'],
      description:
        "Which findings block. `all`: every error. `new-problems`: only those the base version of the same file did not already have (the same rule on the same section, wherever its line moved; a second copy of a finding is new). The others are reported as notices, `existing: …`, and never fail the check. A file the base does not have is new in full, and so is a spec whose status changed (Draft to Accepted). The app and the Action compare with the pull request's base commit; the CLI with `--since REF` (git) or `--baseline FILE` (a saved `--format json` report), and checks everything without one of them. Use it to adopt specgate on a repository whose old specs predate the template: a typo fix in an old spec passes, a new spec with the same gaps fails.",
      default: 'all',
    },
    statuses: {
      type: 'object',
      description:
        "How strictly a spec is held in each status it states (matched case-insensitively): `all` as configured, `warnings` turns every error into a warning (the check cannot fail on it), `off` reports nothing. A status not listed, or a spec with no status, is held to `all`. The status is read by `status_keys`, and the check summary and the CLI's output name it. The order of the keys is the status order when there is no `status_order`. Example: `{ Draft: warnings, Accepted: all, Withdrawn: off }`.",
      additionalProperties: { type: 'string', enum: ['all', 'warnings', 'off'] },
      default: {},
    },
    status_order: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        "The statuses in the order a spec goes through them (`[Draft, Proposed, Accepted, Final]`), for sections' `required_from`. Default: the order of the keys of `statuses`.",
    },
    status_keys: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description:
        'Where a spec states its status, the first found: a front matter key (`status: Draft`), a line before the first section (`Status: Accepted`, `* Status: Draft`, `**Status:** Final`), a table row (`| Status | Final |`), or a section with that name whose first line is the status (`## Status` then `Accepted`). Keys match case-insensitively; front matter wins.',
      default: ['status'],
    },
    date_keys: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description:
        "Where a spec states its own date, for sections' `required_since`, read like `status_keys` (front matter `start-date: 2019-03-10`, a `Date: 2019-03-10` line, a table row); the first of these keys found wins. Dates are YYYY-MM-DD (also YYYY/MM/DD, or YYYY-MM for the month's first day).",
      default: ['created', 'start-date', 'date'],
    },
    waivers: {
      type: 'object',
      additionalProperties: false,
      description:
        'Who may waive a section of a spec on a pull request with `/spec-template waive SECTION [in PATH] — REASON` (the GitHub App only). A waiver turns that section\'s findings into notices that name who waived it and why, until the section\'s text changes or `/spec-template unwaive SECTION [in PATH]`. It is recorded in the app\'s comment on the pull request (so `comment: never` leaves no place for waivers, and the command refuses).',
      properties: {
        allowed: {
          type: 'object',
          additionalProperties: false,
          description:
            'Any one of these lets a person waive, asked of GitHub on every command: `permission`, the least repository permission (`admin`, `maintain`, `write`, `triage` or `read`); `codeowners: true`, an owner of the spec file in CODEOWNERS (`.github/CODEOWNERS`, `CODEOWNERS` or `docs/CODEOWNERS` on the default branch; directly or through a team); `teams`, members of these teams (`org/team-slug`; the app needs the organisation\'s Members read permission).',
          properties: {
            permission: { type: 'string', enum: ['admin', 'maintain', 'write', 'triage', 'read'] },
            codeowners: { type: 'boolean' },
            teams: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$' } },
          },
          default: { permission: 'maintain' },
        },
      },
      default: { allowed: { permission: 'maintain' } },
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
