// Which findings and documents a person labels: a seeded sample that stays put when the engine
// changes. Documents are taken in the order of a hash of (seed, corpus, file), which no engine
// change can move; within a document, findings in the order of a hash of their label key, so a
// finding that survives a rule change keeps its place and its label keeps applying. Taking a few
// findings from each document in turn (not 30 findings from 30 documents) keeps the vendored
// sample small.
import { createHash } from 'node:crypto';
import { keyOf } from './labels.mjs';

export const SEED = 'specgate-eval-2026';
/** At least this many findings per corpus (all when it has fewer). */
export const MIN_FINDINGS = 30;
/** At most this many findings from one document, so the sample spreads over documents. */
export const PER_DOCUMENT = 5;
/** At least this many passing documents per corpus (all when it has fewer). */
export const MIN_PASSING = 5;
/**
 * At least this many of each rule (all when the corpus has fewer): placeholder-text has a precision
 * target of its own, so it gets more; notices are not labelled unless drawn anyway.
 */
const QUOTA = { 'placeholder-text': 20, 'leftover-guidance': 10 };
const QUOTA_BY_SEVERITY = { error: 3, warning: 3, notice: 0 };

function hash(...parts) {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

const byHash = (a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);

/** The corpus's documents (`{ file, findings: keyed[] }`) in their fixed, seeded order. */
export function documentOrder(corpus, documents) {
  return documents.map((document) => ({ ...document, hash: hash(SEED, corpus, document.file) })).sort(byHash);
}

/** How many of each rule the sample must hold: its quota, or all of them when there are fewer. */
function targets(findings) {
  const counts = new Map();
  const quotas = new Map();
  for (const finding of findings) {
    counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
    quotas.set(finding.rule, QUOTA[finding.rule] ?? QUOTA_BY_SEVERITY[finding.severity]);
  }
  return new Map([...counts].map(([rule, count]) => [rule, Math.min(count, quotas.get(rule))]));
}

/**
 * The findings to label: walk the documents in seeded order, take up to PER_DOCUMENT findings from
 * each, until there are MIN_FINDINGS; then keep walking only for rules still short of their quota.
 */
export function sampleFindings(corpus, documents) {
  const ordered = documentOrder(corpus, documents);
  const wanted = targets(ordered.flatMap((document) => document.findings));
  const taken = new Map();
  const shortOf = (rule) => (taken.get(rule) ?? 0) < wanted.get(rule);
  const sample = [];
  for (const document of ordered) {
    if (sample.length >= MIN_FINDINGS && ![...wanted.keys()].some(shortOf)) break;
    const findings = document.findings.map((finding) => ({ ...finding, hash: hash(SEED, corpus, keyOf(finding)) })).sort(byHash);
    const chosen = sample.length < MIN_FINDINGS ? findings : findings.filter((finding) => shortOf(finding.rule));
    for (const finding of chosen.slice(0, PER_DOCUMENT)) {
      sample.push(finding);
      taken.set(finding.rule, (taken.get(finding.rule) ?? 0) + 1);
    }
  }
  return sample;
}

/**
 * MIN_PASSING documents with no error finding, in seeded order: first those the finding sample
 * already holds (they are vendored anyway), then any other.
 */
export function samplePassing(corpus, documents, sampled = sampleFindings(corpus, documents)) {
  const inSample = new Set(sampled.map((finding) => finding.file));
  const passing = documentOrder(corpus, documents).filter((document) => !document.findings.some((finding) => finding.severity === 'error'));
  const ordered = [...passing.filter((document) => inSample.has(document.file)), ...passing.filter((document) => !inSample.has(document.file))];
  return ordered.slice(0, MIN_PASSING).map((document) => document.file);
}
