import { countWords, proseKey } from './normalize.js';
import type { Policy } from './policy.js';
import type { Block } from './types.js';

/**
 * What the rules ask of a unit of the spec, worked out once per check: its prose key (is it
 * guidance, "N/A", a placeholder in words, leftover guidance) and its words that are not
 * placeholder tokens. A sub-section's units are judged again for every section above it, so
 * each answer is kept by block and position (a lookup by object, not by hashing the text).
 */
export class UnitFacts {
  private readonly keys = new Map<Block, Array<string | undefined>>();
  private readonly words = new Map<Block, Array<number | undefined>>();

  constructor(private readonly policy: Policy) {}

  key(block: Block, index: number): string {
    const known = remembered(this.keys, block);
    return (known[index] ??= proseKey(block.units[index]!));
  }

  authoredWords(block: Block, index: number): number {
    const known = remembered(this.words, block);
    return (known[index] ??= countWords(this.policy.placeholders.strip(block.units[index]!)));
  }
}

function remembered<T>(answers: Map<Block, Array<T | undefined>>, block: Block): Array<T | undefined> {
  let known = answers.get(block);
  if (!known) answers.set(block, (known = []));
  return known;
}
