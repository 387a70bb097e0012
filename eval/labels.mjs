// Hand labels of specgate's findings on real specs, and the key that ties a label to a finding.
//
// A label names its finding without a line number, so it keeps applying when the engine moves a
// finding or when other findings come and go: (file, rule, section), plus, for the rules whose
// finding is about one line (placeholder-text, leftover-guidance, duplicate-section, any rule not
// listed below), the text of that line (`at`), and an ordinal `n` when the same key occurs twice.
// The rules about a whole section carry no `at`: the section names them, and their line (the
// heading, or where a missing section would go) may move with the engine's matching.
//
// A label's `cause` (optional, for wrong ones) groups false findings by what the engine misreads:
// optional-section, placeholder-heading, combined-heading, nested-duplicate, kept-template-text,
// old-template-form, not-a-placeholder.
//
// `produced` records whether the engine produced the finding when the labels were last recorded
// (`npm run eval -- --record`): a finding labelled right that disappears, or one labelled wrong
// that comes back, is a change someone must look at; test/eval/labels.test.ts fails on it.
import { parseDocument } from 'yaml';

/**
 * @typedef {{ rule: string, severity: string, section: string, line: number, message: string }} Finding
 * @typedef {{ file: string, rule: string, section: string, at?: string, n: number, severity: string, line: number, message: string }} KeyedFinding
 * @typedef {{ file: string, rule: string, section: string, at?: string, n: number, verdict: string, cause?: string, reason: string, produced: boolean }} Label
 * @typedef {{ file: string, complete: boolean, reason: string }} PassingLabel
 * @typedef {{ corpus?: string, findings: Label[], passing: PassingLabel[], document: import('yaml').Document }} Labels
 */

export const VERDICTS = ['right', 'wrong', 'arguable', 'missed'];
/** Rules whose finding is about a whole section: keyed by the section alone. */
const SECTION_RULES = new Set(['missing-section', 'empty-section', 'placeholder-section', 'short-section', 'section-order']);

/** Whether a rule's findings are keyed by their line's text too. */
export function keyedByLine(rule) {
  return !SECTION_RULES.has(rule);
}
const LINE_KEY_CHARS = 120;

/** The text of a line as a key: no surrounding or repeated white space, at most 120 characters. */
export function lineKey(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, LINE_KEY_CHARS);
}

/** Section names compare without case or punctuation: "Prior Art" and "prior art" are one section. */
export function sectionKey(section) {
  return section.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function identity({ file, rule, section, at }) {
  return [file, rule, sectionKey(section), at ?? ''].join('\u0000');
}

/** The key of a label or keyed finding: identity plus ordinal. */
export function keyOf(item) {
  return `${identity(item)}\u0000${item.n ?? 1}`;
}

/**
 * One file's findings with their keys, in line order. `lines` is the file's text split into lines
 * (as the engine numbers them: 1-based).
 * @param {string} file
 * @param {Finding[]} findings
 * @param {string[]} lines
 * @returns {KeyedFinding[]}
 */
export function keyFindings(file, findings, lines) {
  const seen = new Map();
  return [...findings]
    .sort((a, b) => a.line - b.line)
    .map((finding) => {
      const at = keyedByLine(finding.rule) ? lineKey(lines[finding.line - 1]) : undefined;
      const base = { file, rule: finding.rule, section: finding.section, at };
      const n = (seen.get(identity(base)) ?? 0) + 1;
      seen.set(identity(base), n);
      return { ...base, n, severity: finding.severity, line: finding.line, message: finding.message };
    });
}

/**
 * Reads and checks one corpus's label file. Returns the YAML document too, so `--record` can
 * rewrite `produced` flags in place and keep every comment.
 * @param {string} text
 * @param {string} source
 * @returns {Labels}
 */
export function parseLabels(text, source) {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0].message}`);
  const data = document.toJS() ?? {};
  const findings = (data.findings ?? []).map((label, index) => checkedLabel(label, `${source}: findings[${index}]`));
  const passing = (data.passing ?? []).map((entry, index) => checkedPassing(entry, `${source}: passing[${index}]`));
  const keys = new Set();
  for (const label of findings) {
    if (keys.has(keyOf(label))) throw new Error(`${source}: two labels for ${describe(label)}`);
    keys.add(keyOf(label));
  }
  return { corpus: data.corpus, findings, passing, document };
}

function checkedLabel(label, where) {
  for (const field of ['file', 'rule', 'section', 'reason']) {
    if (typeof label?.[field] !== 'string' || label[field].length === 0) throw new Error(`${where}: "${field}" must be a non-empty string`);
  }
  if (!VERDICTS.includes(label.verdict)) throw new Error(`${where}: "verdict" must be one of ${VERDICTS.join(', ')}`);
  if (label.cause !== undefined && typeof label.cause !== 'string') throw new Error(`${where}: "cause" must be a string`);
  if (keyedByLine(label.rule) !== (typeof label.at === 'string')) {
    throw new Error(`${where}: "at" (the finding's line text) is ${keyedByLine(label.rule) ? 'required' : 'not used'} for ${label.rule}`);
  }
  const produced = label.produced ?? label.verdict !== 'missed';
  return { ...label, n: label.n ?? 1, produced };
}

function checkedPassing(entry, where) {
  if (typeof entry?.file !== 'string') throw new Error(`${where}: "file" must be a string`);
  if (typeof entry.complete !== 'boolean') throw new Error(`${where}: "complete" must be true or false`);
  if (typeof entry.reason !== 'string' || entry.reason.length === 0) throw new Error(`${where}: "reason" must be a non-empty string`);
  return entry;
}

export function describe(item) {
  const at = item.at === undefined ? '' : ` at "${item.at}"`;
  const n = (item.n ?? 1) > 1 ? ` (#${item.n})` : '';
  return `${item.file}: ${item.rule} "${item.section}"${at}${n}`;
}

/**
 * What changed since the labels were recorded, as messages; none when the engine still does what
 * was recorded. `keyed` is every keyed finding of the labelled files; `passing` the documents
 * labelled complete or not.
 */
export function changesSinceRecord(labels, keyed) {
  const now = new Map(keyed.map((finding) => [keyOf(finding), finding]));
  const labelled = new Set(labels.findings.map(keyOf));
  const changes = [];
  for (const label of labels.findings) {
    const found = now.has(keyOf(label));
    if (found === label.produced) continue;
    changes.push(changeMessage(label, found));
  }
  for (const entry of labels.passing.filter((candidate) => candidate.complete)) {
    for (const finding of keyed.filter((candidate) => candidate.file === entry.file && candidate.severity === 'error')) {
      if (!labelled.has(keyOf(finding))) changes.push(`new error on ${entry.file}, labelled complete: ${describe(finding)} (${finding.message}). Label it.`);
    }
  }
  return changes;
}

function changeMessage(label, found) {
  const what = describe(label);
  const record = 'If that is intended, run `npm run eval -- --record` and say so in the commit.';
  if (!found && label.verdict === 'right') return `lost a true finding: ${what} (labelled right: ${label.reason}). ${record}`;
  if (found && label.verdict === 'wrong') return `a false finding came back: ${what} (labelled wrong: ${label.reason}). ${record}`;
  if (!found && label.verdict === 'wrong') return `fixed a false finding: ${what}. ${record}`;
  if (found && label.verdict === 'missed') return `now finds what it missed: ${what}. Relabel it right, then ${record}`;
  if (found) return `finds again: ${what} (labelled ${label.verdict}). ${record}`;
  return `no longer finds: ${what} (labelled ${label.verdict}). ${record}`;
}

/** Sets each label's `produced` flag in the YAML document to what the engine does now; returns how many changed. */
export function recordProduced(labels, keyed) {
  const now = new Set(keyed.map(keyOf));
  const items = labels.document.get('findings')?.items ?? [];
  let changed = 0;
  labels.findings.forEach((label, index) => {
    const found = now.has(keyOf(label));
    if (found === label.produced) return;
    changed += 1;
    // The default (produced unless missed) is left implicit, so most labels carry no flag.
    if (found === (label.verdict !== 'missed')) items[index].delete('produced');
    else items[index].set('produced', found);
    label.produced = found;
  });
  return changed;
}

/** A file's text as the engine numbers its lines: a BOM dropped, any line break, no empty last line. */
export function splitLines(text) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body === '' ? [] : body.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
