import { matchSections } from './match.js';
import { parseSpec, TooComplexError } from './parse.js';
import type { Policy } from './policy.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { sectionState } from './section-state.js';
import type { Finding, Severity, SpecDocument } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Checks one spec against a policy: markdown in, findings out, sorted by line. */
export function checkSpec(spec: string | SpecDocument, policy: Policy): Finding[] {
  let document: SpecDocument;
  try {
    document = typeof spec === 'string' ? parseSpec(spec) : spec;
  } catch (error) {
    if (error instanceof TooComplexError) return [tooComplex(error)];
    throw error;
  }
  const matching = matchSections(document, policy.template, policy.aliases);
  const context: RuleContext = { document, policy, matching, present: new Map(), states: new Map() };
  for (const [section, specs] of matching.bySection) {
    context.present.set(section, specs[0]!);
    context.states.set(section, sectionState(specs[0]!, section, matching, policy));
  }

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = policy.severities[rule.id];
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) findings.push({ rule: rule.id, severity, ...finding });
  }
  return findings.sort(
    (a, b) => a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rule.localeCompare(b.rule),
  );
}

/** A spec passes when no finding is an error. */
export function passes(findings: readonly Finding[]): boolean {
  return !findings.some((finding) => finding.severity === 'error');
}

function tooComplex(error: TooComplexError): Finding {
  return {
    rule: 'too-complex',
    severity: 'error',
    section: '(file)',
    line: error.line,
    message: `${error.message} It was not checked: flatten the nesting or split the file.`,
  };
}
