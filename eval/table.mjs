// The evaluation as a markdown table (the closing note pastes it) and as JSON.
import { precision } from './measure.mjs';

const HEADER = ['corpus', 'rule', 'errors', 'warnings', 'notices', 'labelled', 'right', 'wrong', 'arguable', 'precision', 'arguable as wrong', 'misses', 'unlabelled in sample'];

function percent(right, judged) {
  if (judged === 0) return '-';
  const value = right / judged;
  return `${(value * 100).toFixed(value === 1 ? 0 : 1)}% (${right}/${judged})`;
}

function cells(corpus, row) {
  const precise = percent(row.right, row.right + row.wrong);
  const strict = percent(row.right, row.right + row.wrong + row.arguable);
  return [corpus, row.rule, row.error, row.warning, row.notice, row.labelled, row.right, row.wrong, row.arguable, precise, strict, row.misses, row.unlabelled];
}

/** One markdown table over every corpus: a row per rule, then the corpus's errors across rules. */
export function markdownTable(results) {
  const lines = [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`];
  for (const result of results) {
    for (const row of result.rules) lines.push(`| ${cells(result.corpus, row).join(' | ')} |`);
    const errors = { ...result.errors, error: result.rules.reduce((sum, row) => sum + row.error, 0), misses: result.misses, unlabelled: '' };
    lines.push(`| **${result.corpus}** | **all errors** | ${cells('', errors).slice(2).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** A line per corpus: documents, failing ones, passing documents a reviewer read, labels the engine no longer matches. */
export function corpusLines(results) {
  return results.map((result) => {
    const { passing } = result;
    const gone = result.rules.reduce((sum, row) => sum + row.fixedWrong, 0);
    const lost = result.rules.reduce((sum, row) => sum + row.lostRight, 0);
    const waiting = passing.unlabelled > 0 ? `, ${passing.unlabelled} sampled not yet read` : '';
    return `${result.corpus}: ${result.specs} specs, ${result.failing} with an error; passing documents read: ${passing.labelled} (${passing.complete} complete${waiting}); false findings gone: ${gone}; true findings lost: ${lost}`;
  });
}

/** The same numbers for scripts: per corpus, per rule, with precision as a fraction. */
export function jsonReport(results, seed) {
  const withPrecision = (row) => ({ ...row, precision: precision(row) });
  return {
    seed,
    corpora: results.map((result) => ({
      corpus: result.corpus,
      specs: result.specs,
      failing: result.failing,
      rules: result.rules.map(withPrecision),
      errors: withPrecision(result.errors),
      wrongByCause: result.wrongByCause,
      misses: result.misses,
      passing: result.passing,
    })),
  };
}
