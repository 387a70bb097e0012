/** The data the core works on and hands back. Plain values only: no I/O, no GitHub. */

export type Severity = 'error' | 'warning' | 'notice';
export type SeveritySetting = Severity | 'off';

export const RULE_IDS = [
  'missing-section',
  'empty-section',
  'placeholder-section',
  'placeholder-text',
  'leftover-guidance',
  'short-section',
  'duplicate-section',
  'section-order',
  'unknown-section',
  'missing-content',
  'forbidden-phrase',
  'unchecked-items',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What a section's `must_contain` can ask it to hold. */
export const CONTENT_KINDS = ['list', 'checklist', 'table', 'code', 'link'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * Findings about the file itself, before it is checked against a template: it cannot be read,
 * its front matter names a template the configuration lacks, or the pull request links it and
 * it does not exist. Always errors.
 */
export const FILE_RULE_IDS = ['file-too-large', 'not-text', 'too-complex', 'unknown-template', 'linked-spec-missing'] as const;
export type FileRuleId = (typeof FILE_RULE_IDS)[number];

/** One problem in one spec file. `line` is 1-based and always inside the document. */
export interface Finding {
  rule: RuleId | FileRuleId;
  severity: Severity;
  /** The template's spelling of the section (or the spec's heading for unknown sections). */
  section: string;
  line: number;
  message: string;
  /** For missing sections: the new section belongs just before this 1-based line (lineCount + 1 = append). */
  insertBeforeLine?: number;
  /** For missing sections: the heading and guidance to insert there. */
  insertText?: string;
  /** For near misses: the spec heading that looks like the missing section. */
  didYouMean?: { heading: string; line: number };
  /** Why the finding is only a notice: the base version had it too, or the spec's status or date does not call for the section. */
  because?: 'existing' | 'not-required';
}

/** A top-level block of markdown between two headings. */
export interface Block {
  /** The mdast node type (`paragraph`, `list`, `code`, `html`, ...). */
  type: string;
  line: number;
  endLine: number;
  /** False for what a reader does not see: HTML comments, link definitions, thematic breaks. */
  isContent: boolean;
  /** Plain-text pieces (a paragraph, a list item, a table) as a reader sees them. */
  units: string[];
  /** Stretches of the block's lines that are not prose, at any depth (a code block inside a list item too). */
  masks: Mask[];
}

/**
 * Part of one source line: `start` and `end` index into `SpecDocument.lines[line - 1]` (end
 * exclusive). A code span or comment that runs over several lines gives one mask per line.
 */
export interface Mask {
  line: number;
  start: number;
  end: number;
  kind: 'code' | 'inline-code' | 'comment';
}

export interface Heading {
  /** Plain text of the heading, without markup or closing `#`s. */
  text: string;
  level: number;
  line: number;
  /** Last line of the heading itself: the underline of a setext heading. */
  endLine: number;
}

export interface SpecSection {
  heading: Heading;
  /** The heading's key (`headingKey`): what matching, duplicates and near-miss hints compare. */
  key: string;
  /** Last line of the section, including its sub-sections. */
  endLine: number;
  /** Blocks between this heading and the next heading of any level. */
  blocks: Block[];
  children: SpecSection[];
  /** Position in document order among all headings. */
  index: number;
}

export interface SpecDocument {
  /** Number of lines; a final line break does not start another line. */
  lineCount: number;
  lines: string[];
  /** Raw front matter (YAML or TOML) without its fences, when present. */
  frontMatter?: { value: string; endLine: number };
  /** Content before the first heading. */
  preamble: Block[];
  /** Top-level sections (the heading tree's roots). */
  sections: SpecSection[];
  /** Every section in document order. */
  all: SpecSection[];
}
