import { findPhrase, holds } from '../content.js';
import type { ContentKind } from '../policy.js';
import { writtenBlocks, type Rule, type RuleFinding } from './rule.js';

const NAMES: Record<ContentKind, string> = { list: 'a list', checklist: 'a checklist', table: 'a table', code: 'a code block', link: 'a link' };

export const missingContent: Rule = {
  id: 'missing-content',
  description: "A section lacks a kind of content its configured must_contain asks for (a list, checklist, table, code block or link), or mentions none of its must_mention phrases.",
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [section, spec] of context.present) {
      const { mustContain, mustMention } = context.policy.contentRules(section);
      if (mustContain.length === 0 && mustMention.length === 0) continue;
      const blocks = writtenBlocks(section, context);
      if (blocks.length === 0) continue;
      const line = spec.heading.line;
      for (const kind of mustContain) {
        if (holds(kind, blocks, context.document.lines)) continue;
        findings.push({ section: section.name, line, message: `Section "${section.name}" has no ${NAMES[kind].slice(2)}; the configuration asks for ${NAMES[kind]} in it.` });
      }
      if (mustMention.length > 0 && mustMention.every((phrase) => findPhrase(phrase, blocks, context.document.lines) === undefined)) {
        const phrases = mustMention.map((phrase) => `"${phrase}"`).join(', ');
        findings.push({ section: section.name, line, message: `Section "${section.name}" does not mention ${mustMention.length === 1 ? phrases : `any of ${phrases}`}; the configuration asks it to.` });
      }
    }
    return findings;
  },
};
