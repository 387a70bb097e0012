import { matchSections } from './match.js';
import { parseSpec } from './parse.js';
import type { Policy } from './policy.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { sectionState } from './section-state.js';
import type { Finding, Severity, SpecDocument } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Checks one spec against a policy: markdown in, findings out, sorted by line. */
export function checkSpec(spec: string | SpecDocument, policy: Policy): Finding[] {
  const document = typeof spec === 'string' ? parseSpec(spec) : spec;
  const matching = matchSections(document, policy.template, policy.aliases);
  const context: RuleContext = { document, policy, matching, present: new Map(), states: new Map() };
  for (const [section, specs] of matching.bySection) {
    context.present.set(section, specs[0]!);
    context.states.set(section, sectionState(specs[0]!, section, matching, policy, document.lines));
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
