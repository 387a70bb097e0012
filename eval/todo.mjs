// `npm run eval -- --todo`: what a reviewer still has to read, as YAML entries to complete (a
// verdict and a one-line reason each) and paste into eval/labels/<corpus>.yaml.
import { stringify } from 'yaml';
import { keyOf } from './labels.mjs';

export function todoStubs(corpus, root, result, labels) {
  const known = new Set(labels.findings.map(keyOf));
  const findings = result.sample.findings.filter((finding) => !known.has(keyOf(finding)));
  const readFiles = new Set(labels.passing.map((entry) => entry.file));
  const passing = result.sample.passing.filter((file) => !readFiles.has(file));
  const lines = [`# ${corpus.name} (${root}): ${findings.length} findings, ${passing.length} passing documents to read`];
  for (const finding of findings) {
    lines.push(`# line ${finding.line}, ${finding.severity}: ${finding.message}`);
    const entry = { file: finding.file, rule: finding.rule, section: finding.section, at: finding.at, n: finding.n > 1 ? finding.n : undefined, verdict: '', reason: '' };
    lines.push(stringify([entry], { lineWidth: 0 }).trimEnd());
  }
  if (passing.length > 0) lines.push('# passing:', stringify(passing.map((file) => ({ file, complete: null, reason: '' })), { lineWidth: 0 }).trimEnd());
  return lines.join('\n');
}
