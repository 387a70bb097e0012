import { guidanceFor, resemblance } from '../guidance.js';
import { countWords } from '../normalize.js';
import type { Block } from '../types.js';
import { unitLines } from '../unit-lines.js';
import { owningSection, type Rule, type RuleFinding } from './rule.js';

const QUOTED_WORDS = 8;
// A word or two of guidance ("Metrics", "Other") is as likely the author's own.
const MIN_WORDS = 3;

export const leftoverGuidance: Rule = {
  id: 'leftover-guidance',
  description: "A written section still holds a paragraph, bullet or quote of the template's guidance, kept as it was or nearly.",
  check(context) {
    const findings: RuleFinding[] = [];
    for (const spec of context.document.all) {
      const owner = owningSection(spec, context);
      // A section of nothing but guidance is a placeholder-section error already.
      if (!owner || context.states.get(owner)?.fill !== 'written') continue;
      const guidance = guidanceFor(owner, context.policy.template);
      if (!guidance.units.some((unit) => unit.kind === 'guidance')) continue;
      const units = spec.blocks
        .filter((block) => block.isContent && block.type !== 'code')
        .flatMap((block) => block.units.map((text, index) => ({ block, index, text, copied: resemblance(text, guidance, { contains: true }, () => context.units.key(block, index)) })));
      units.forEach(({ block, index, text, copied }, position) => {
        // Bracket tokens in it are placeholder-text's to report; draft and kept text is the template's offer to keep.
        if (!copied || copied.unit.kind !== 'guidance' || copied.unit.hasBrackets || copied.unit.words < MIN_WORDS) return;
        if (block.type === 'list' && isAnsweredQuestion(copied, text, answerInItem(units, position, context.document.lines))) return;
        findings.push({
          section: owner.name,
          line: unitLines(block, context.document.lines)[index]!,
          message: `The template's guidance "${excerpt(text)}" is still in "${owner.name}". Delete it, or replace it with the real content.`,
        });
      });
    }
    return findings;
  },
};

/**
 * The template's question kept as a list item with the author's answer inside that item ("- Why is
 * this design the best?" and the answer indented under it): the author answered the questions as
 * an outline, and deleting one would orphan its answer. A question kept as a paragraph of its own,
 * or a statement of guidance, is still a leftover.
 */
function isAnsweredQuestion(copied: NonNullable<ReturnType<typeof resemblance>>, text: string, answered: boolean): boolean {
  if (copied.how !== 'contains') return answered && /\?\s*$/u.test(text);
  // The question, then the answer in the same item: the guidance ends at its question mark.
  const question = /^[^?]*\?/u.exec(text)?.[0];
  return question !== undefined && countWords(question) <= copied.unit.words + 2;
}

interface Unit {
  block: Block;
  index: number;
  copied: ReturnType<typeof resemblance>;
}

/** The unit after this one is the author's own text, indented under it in the same list item. */
function answerInItem(units: readonly Unit[], position: number, lines: readonly string[]): boolean {
  const here = units[position]!;
  const next = units[position + 1];
  if (!next || next.block !== here.block || next.copied) return false;
  const starts = unitLines(here.block, lines);
  const indent = (line: number): number => /^\s*/u.exec(lines[line - 1] ?? '')![0].length;
  return indent(starts[next.index]!) > indent(starts[here.index]!);
}

function excerpt(unit: string): string {
  const words = unit.trim().split(/\s+/u);
  return words.length > QUOTED_WORDS ? `${words.slice(0, QUOTED_WORDS).join(' ')} …` : words.join(' ');
}
