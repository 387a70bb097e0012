import { applyLifecycle, type LifecycleResult } from './lifecycle.js';
import { matchSections } from './match.js';
import { parseSpec, TooComplexError } from './parse.js';
import type { Policy } from './policy.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { sectionState, type Fill, type SectionState } from './section-state.js';
import type { TemplateSection } from './template.js';
import type { Finding, Severity, SpecDocument, SpecSection } from './types.js';
import { UnitFacts } from './unit-facts.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Checks one spec against a policy: markdown in, findings out, sorted by line. */
export function checkSpec(spec: string | SpecDocument, policy: Policy): Finding[] {
  return checkSpecInContext(spec, policy).findings;
}

/**
 * Checks one spec and holds the findings to its own status and date (see lifecycle.ts): the
 * findings, and the status that applied when the configuration uses statuses.
 */
export function checkSpecInContext(spec: string | SpecDocument, policy: Policy): LifecycleResult {
  let document: SpecDocument;
  try {
    document = typeof spec === 'string' ? parseSpec(spec) : spec;
  } catch (error) {
    if (error instanceof TooComplexError) return { findings: [tooComplex(error)] };
    throw error;
  }
  return applyLifecycle(ruleFindings(document, policy), document, policy.lifecycle);
}

function ruleFindings(document: SpecDocument, policy: Policy): Finding[] {
  const matching = matchSections(document, policy.template, policy.aliases);
  const context: RuleContext = { document, policy, matching, present: new Map(), states: new Map(), units: new UnitFacts(policy) };
  for (const [section, specs] of matching.bySection) {
    context.present.set(section, specs[0]!);
    context.states.set(section, stateOfParts(specs, section, context));
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

const FILL_RANK: Record<Fill, number> = { empty: 0, guidance: 1, placeholders: 2, written: 3 };

/**
 * What a section holds when several headings name it: differently named parts (`Positive
 * Consequences`, `Negative Consequences`) fill it together; a repeat of the same name is a
 * duplicate, its own finding, and adds nothing.
 */
function stateOfParts(specs: readonly SpecSection[], section: TemplateSection, { matching, policy, document, units }: RuleContext): SectionState {
  const parts = specs.filter((spec, position) => !specs.slice(0, position).some((earlier) => earlier.key === spec.key));
  return parts
    .map((spec) => sectionState(spec, section, matching, policy, document.lines, units))
    .reduce((a, b) => {
      const best = FILL_RANK[b.fill] > FILL_RANK[a.fill] ? b : a;
      const state: SectionState = { fill: best.fill, words: a.words + b.words };
      // "N/A" in every part that is not empty: the section as a whole says only that.
      if (state.words === 0 && (a.notApplicable || b.notApplicable)) state.notApplicable = true;
      return state;
    });
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
