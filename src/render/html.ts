import type { Finding } from '../core/types.js';
import { HTML_STYLE } from './html-style.js';
import { fileStatus, plural, summarize, type FileReport, type Report, type SectionOutline } from '../verdict/report.js';

/** What a cell of the specs × sections table says, worst first. */
export const CELL_STATES = ['missing', 'empty', 'placeholder', 'warning', 'complete'] as const;
export type CellState = (typeof CELL_STATES)[number];

const STATE_OF_RULE: Partial<Record<Finding['rule'], CellState>> = {
  'missing-section': 'missing',
  'empty-section': 'empty',
  'placeholder-section': 'placeholder',
};

const LABEL: Record<CellState, string> = { missing: 'missing', empty: 'empty', placeholder: 'placeholder', warning: '⚠ warning', complete: '✓' };

/**
 * One self-contained page (inline style, no script, nothing fetched) for a person to read at a
 * glance: per template, a table of specs × sections, each cell complete, empty, placeholder or
 * missing and linked to its finding; below it, every finding of every spec by line.
 */
export function renderHtml(report: Report, options: { version: string }): string {
  const summary = summarize(report);
  const title = summary.files === 0 ? 'No spec files found' : `${summary.failed} of ${plural(summary.files, 'spec')} incomplete`;
  const ids = new Map(report.files.map((file, index) => [file, `spec-${index + 1}`]));
  const groups = new Map<string, FileReport[]>();
  for (const file of report.files) groups.set(file.template, [...(groups.get(file.template) ?? []), file]);
  const body = [
    `<header><h1>Spec completeness</h1><p class="summary">${escape(title)}: ${escape(counts(summary))}</p>${legend()}</header>`,
    ...[...groups].map(([template, files]) => matrix(template, files, report.outlines?.[template], ids)),
    report.files.some((file) => file.findings.length > 0) ? `<section class="findings"><h2>Findings</h2>${report.files.map((file) => findingList(file, ids.get(file)!)).join('')}</section>` : '',
    `<footer>specgate ${escape(options.version)}</footer>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: the page is read from a CI artifact or a mail attachment, offline.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>specgate: ${escape(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}

function counts(summary: ReturnType<typeof summarize>): string {
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.notices > 0) parts.push(plural(summary.notices, 'notice'));
  return parts.join(', ');
}

function legend(): string {
  const items = CELL_STATES.map((state) => `<li><span class="cell ${state}">${LABEL[state]}</span> ${DESCRIPTION[state]}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}

const DESCRIPTION: Record<CellState, string> = {
  missing: 'no such heading',
  empty: 'heading with nothing under it',
  placeholder: 'still the template’s guidance or placeholders',
  warning: 'written, with a warning',
  complete: 'written',
};

function matrix(template: string, files: FileReport[], outline: SectionOutline[] | undefined, ids: Map<FileReport, string>): string {
  const columns = outline ?? [];
  const head = columns.map((column) => `<th scope="col" class="depth-${Math.min(column.depth, 2)}">${escape(column.name)}${column.required ? '' : ' <small>(optional)</small>'}</th>`);
  const rows = files.map((file) => row(file, columns, ids.get(file)!));
  return [
    `<section class="template"><h2>Template: <code>${escape(template)}</code> <small>· ${plural(files.length, 'spec')}</small></h2>`,
    '<div class="scroll"><table class="matrix">',
    `<thead><tr><th scope="col">Spec</th><th scope="col">Result</th>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div></section>',
  ].join('\n');
}

function row(file: FileReport, columns: SectionOutline[], id: string): string {
  const failed = fileStatus(file) === 'fail';
  const result = `<td class="result ${failed ? 'fail' : 'pass'}">${failed ? 'incomplete' : 'complete'}</td>`;
  const spec = `<th scope="row"><a href="#${id}">${escape(file.path)}</a></th>`;
  // A file that could not be checked (too large, not text, too complex, unknown template) has no sections to show.
  const unchecked = file.findings.findIndex((finding) => finding.section === '(file)' || finding.section === '(front matter)');
  if (unchecked >= 0 || columns.length === 0) {
    const finding = file.findings[Math.max(0, unchecked)];
    const text = finding ? `not checked: ${finding.rule}` : 'no sections';
    const link = finding ? `<a href="#${id}-${Math.max(0, unchecked) + 1}">${escape(text)}</a>` : escape(text);
    return `<tr>${spec}${result}<td class="cell unchecked" colspan="${Math.max(1, columns.length)}">${link}</td></tr>`;
  }
  const cells: Cell[] = [];
  columns.forEach((column, index) => {
    // A sub-section of a missing section is missing with it: that one finding says so.
    const parent = columns.slice(0, index).findLastIndex((other) => other.depth < column.depth);
    const inherited = parent >= 0 && cells[parent]!.state === 'missing' ? cells[parent] : undefined;
    cells.push(worstFinding(file, column) ?? inherited ?? { state: 'complete' });
  });
  return `<tr>${spec}${result}${cells.map((found, index) => cell(file, columns[index]!, found, id)).join('')}</tr>`;
}

interface Cell {
  state: CellState;
  /** The finding the cell links to, by its index in the file's findings. */
  index?: number;
}

function worstFinding(file: FileReport, column: SectionOutline): Cell | undefined {
  let worst: Cell | undefined;
  file.findings.forEach((finding, index) => {
    if (finding.section !== column.name || finding.severity === 'notice') return;
    const state = STATE_OF_RULE[finding.rule] ?? 'warning';
    if (!worst || CELL_STATES.indexOf(state) < CELL_STATES.indexOf(worst.state)) worst = { state, index };
  });
  return worst;
}

function cell(file: FileReport, column: SectionOutline, found: Cell, id: string): string {
  if (found.index === undefined) {
    const note = column.required ? 'written' : 'no finding (optional)';
    return `<td class="cell complete" title="${escape(`${column.name}: ${note}`)}">${LABEL.complete}</td>`;
  }
  const finding = file.findings[found.index]!;
  return `<td class="cell ${found.state}"><a href="#${id}-${found.index + 1}" title="${escape(`line ${finding.line}: ${finding.message}`)}">${LABEL[found.state]}</a></td>`;
}

function findingList(file: FileReport, id: string): string {
  if (file.findings.length === 0) return `<article id="${id}"><h3>${escape(file.path)}</h3><p class="complete-note">Complete: every section the template asks for is written.</p></article>`;
  const items = file.findings.map(
    (finding, index) =>
      `<li id="${id}-${index + 1}"><span class="line">line ${finding.line}</span> <span class="severity ${finding.severity}">${finding.severity}</span> ${escape(finding.message)} <code>${finding.rule}</code></li>`,
  );
  return `<article id="${id}"><h3>${escape(file.path)}</h3><ol>${items.join('')}</ol></article>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
