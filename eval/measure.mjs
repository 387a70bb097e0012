// The numbers of one corpus: findings per rule and severity over every document, and, over the
// labelled ones, how many are right, wrong or arguable, the precision, and what the tool missed.
import { keyOf } from './labels.mjs';
import { sampleFindings, samplePassing } from './sample.mjs';

const SEVERITIES = ['error', 'warning', 'notice'];

function emptyRow(rule) {
  return { rule, error: 0, warning: 0, notice: 0, labelled: 0, right: 0, wrong: 0, arguable: 0, unlabelled: 0, misses: 0, fixedWrong: 0, lostRight: 0 };
}

/** right / (right + wrong), or null when nothing was labelled right or wrong. */
export function precision(row) {
  const judged = row.right + row.wrong;
  return judged === 0 ? null : row.right / judged;
}

/**
 * Measures one corpus. `documents` is every spec's keyed findings; `labels` the parsed label file.
 * Precision counts every finding produced now that carries a label; `unlabelled` counts the
 * sampled findings that still need one.
 */
export function measureCorpus(name, documents, labels) {
  const findings = documents.flatMap((document) => document.findings);
  const byKey = new Map(labels.findings.map((label) => [keyOf(label), label]));
  const produced = new Set(findings.map(keyOf));
  const rows = new Map();
  const row = (rule) => rows.get(rule) ?? rows.set(rule, emptyRow(rule)).get(rule);
  const errors = emptyRow('(all errors)');
  const wrongByCause = {};
  const wrong = [];

  for (const finding of findings) {
    row(finding.rule)[finding.severity] += 1;
    const label = byKey.get(keyOf(finding));
    if (!label || label.verdict === 'missed') continue;
    if (label.verdict === 'wrong') {
      wrong.push({ ...label, severity: finding.severity, line: finding.line });
      const cause = (wrongByCause[label.cause ?? 'other'] ??= { error: 0, warning: 0, notice: 0 });
      cause[finding.severity] += 1;
    }
    for (const target of finding.severity === 'error' ? [row(finding.rule), errors] : [row(finding.rule)]) {
      target.labelled += 1;
      target[label.verdict] += 1;
    }
  }
  for (const label of labels.findings) {
    const now = produced.has(keyOf(label));
    if (label.verdict === 'missed' && !now) row(label.rule).misses += 1;
    if (label.verdict === 'wrong' && !now) row(label.rule).fixedWrong += 1;
    if (label.verdict === 'right' && !now) row(label.rule).lostRight += 1;
  }
  const sample = sampleFindings(name, documents);
  for (const finding of sample) if (!byKey.has(keyOf(finding))) row(finding.rule).unlabelled += 1;

  const passingSample = samplePassing(name, documents, sample);
  const passing = passingDocuments(documents, labels, passingSample);
  const misses = [...rows.values()].reduce((sum, each) => sum + each.misses, 0) + passing.incompleteWithoutMiss;
  return {
    corpus: name,
    specs: documents.length,
    failing: documents.filter((document) => document.findings.some((finding) => finding.severity === 'error')).length,
    rules: [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    errors,
    wrongByCause,
    wrong,
    misses,
    passing,
    sample: { findings: sample, passing: passingSample },
  };
}

/** The labelled passing documents that pass now, and whether a reviewer found them complete. */
function passingDocuments(documents, labels, sampled) {
  const failing = new Set(documents.filter((document) => document.findings.some((finding) => finding.severity === 'error')).map((document) => document.file));
  const labelled = labels.passing.filter((entry) => !failing.has(entry.file));
  const missedFiles = new Set(labels.findings.filter((label) => label.verdict === 'missed').map((label) => label.file));
  const known = new Set(labels.passing.map((entry) => entry.file));
  return {
    labelled: labelled.length,
    complete: labelled.filter((entry) => entry.complete).length,
    incompleteWithoutMiss: labelled.filter((entry) => !entry.complete && !missedFiles.has(entry.file)).length,
    unlabelled: sampled.filter((file) => !known.has(file)).length,
  };
}

export { SEVERITIES };
