// The targets of issue 11, measured on the labels: error precision of at least 95% on every corpus,
// placeholder-text precision of at least 90%, no error for a section the template marks optional,
// and no false error on MADR's own decisions.
import { precision } from './measure.mjs';

const ERROR_PRECISION = 0.95;
const PLACEHOLDER_PRECISION = 0.9;

const share = (value) => (value === null ? 'nothing judged' : `${(value * 100).toFixed(1)}%`);
const mark = (met) => (met ? 'met' : 'NOT met');

function sum(rows) {
  return rows.reduce((total, row) => ({ right: total.right + row.right, wrong: total.wrong + row.wrong }), { right: 0, wrong: 0 });
}

/** One line per target, saying what was measured and whether it is met. */
export function targetLines(results) {
  const errors = results.map((result) => `${result.corpus} ${share(precision(result.errors))}`);
  const errorsMet = results.every((result) => (precision(result.errors) ?? 1) >= ERROR_PRECISION);
  const placeholderRows = results.flatMap((result) => result.rules.filter((row) => row.rule === 'placeholder-text'));
  const placeholder = precision(sum(placeholderRows));
  const optional = results.map((result) => [result.corpus, result.wrongByCause['optional-section']?.error ?? 0]);
  const madr = results.find((result) => result.corpus === 'madr');
  const madrWrong = madr ? madr.errors.wrong : null;
  return [
    `- error precision >= 95% on every corpus: ${mark(errorsMet)} (${errors.join(', ')})`,
    `- placeholder-text precision >= 90%: ${mark((placeholder ?? 1) >= PLACEHOLDER_PRECISION)} (${share(placeholder)} over all corpora, ${sum(placeholderRows).right}/${sum(placeholderRows).right + sum(placeholderRows).wrong})`,
    `- no error for a section the template marks optional: ${mark(optional.every(([, count]) => count === 0))} (labelled errors on optional sections: ${optional.map(([name, count]) => `${name} ${count}`).join(', ')})`,
    madr ? `- no false error on MADR's own decisions: ${mark(madrWrong === 0)} (${madrWrong} labelled false of ${madr.errors.labelled} labelled errors; ${madr.failing} of ${madr.specs} decisions fail)` : '- MADR not measured',
  ];
}

/** The false findings produced now, by what the engine misreads, per corpus. */
export function causeLines(results) {
  return results.map((result) => {
    const causes = Object.entries(result.wrongByCause).map(([cause, counts]) => `${cause} ${counts.error + counts.warning + counts.notice}`);
    return `${result.corpus}: ${causes.length > 0 ? causes.join(', ') : 'none'}`;
  });
}

/** Every false finding the engine produces now, one line each: what the engine helpers need. */
export function wrongLines(results) {
  return results.flatMap((result) =>
    result.wrong.map((label) => {
      const at = label.at === undefined ? '' : ` at "${label.at}"`;
      return `- ${result.corpus} | ${label.file}:${label.line} | ${label.rule} (${label.severity}) | ${label.section}${at} | ${label.cause ?? 'other'}: ${label.reason}`;
    }),
  );
}
