/**
 * Headings that cover several sections: `Security & Observability`, `Rollout and Open
 * Questions`, `Outcomes / Acceptance Criteria`, and headings that say which section they are
 * in an aside (`Storage (Data Model)`) or before a subtitle (`Motivation: why now`). Every
 * joined part must be a section's exact name, or one half of a joined name (`Alternatives` of
 * `Rationale and alternatives`, which it does not satisfy alone), so a heading that only mentions
 * one in passing (`Alpha milestone: CRI-O, E2E tests and tools`) names none, while `Drawbacks and
 * Alternatives` names Drawbacks.
 */
import { headingKey } from './normalize.js';

const CONJUNCTION = /\s*(?:&|\+|\/|,|;|\band\b)\s*/iu;
const TRAILING_ASIDE = /^(.*?)\s*\(([^()]*)\)\s*$/u;
const SUBTITLE = /^(.*?):\s+\S/u;
const MAX_PARTS = 8;
// Most headings join nothing: one cheap test before any splitting.
const ANY_JOIN = /[&+/,;(:]|\band\b/iu;

/** The keys of the sections a heading joins, or undefined when it is not made of section names. */
export function joinedNames(
  text: string,
  isName: (key: string) => boolean,
  isHalfOfName: (key: string) => boolean = () => false,
): string[] | undefined {
  if (!ANY_JOIN.test(text)) return undefined;
  const aside = TRAILING_ASIDE.exec(text);
  const main = aside ? aside[1]! : text;
  const head = SUBTITLE.exec(main)?.[1] ?? main;
  const named = [...(allNamed(head, isName, isHalfOfName) ?? []), ...((aside && allNamed(aside[2]!, isName, isHalfOfName)) ?? [])];
  return named.length > 0 ? [...new Set(named)] : undefined;
}

/** Each run of parts, longest first ("Rationale and alternatives" before "Rationale"), must be a name or half of one. */
function allNamed(text: string, isName: (key: string) => boolean, isHalfOfName: (key: string) => boolean): string[] | undefined {
  const parts = text.split(CONJUNCTION).filter((part) => headingKey(part) !== '');
  if (parts.length === 0 || parts.length > MAX_PARTS) return undefined;
  const keys: string[] = [];
  for (let start = 0; start < parts.length; ) {
    let end = parts.length;
    while (end > start && !isName(headingKey(parts.slice(start, end).join(' and ')))) end--;
    if (end === start) {
      if (!isHalfOfName(headingKey(parts[start]!))) return undefined;
      start++;
      continue;
    }
    keys.push(headingKey(parts.slice(start, end).join(' and ')));
    start = end;
  }
  return keys;
}

/** The halves of joined section names (`rationale`, `alternatives` of `rationale and alternatives`). */
export function halvesOf(keys: Iterable<string>): Set<string> {
  const halves = new Set<string>();
  for (const key of keys) {
    const parts = key.split(' and ');
    if (parts.length > 1) for (const part of parts) if (part.trim() !== '') halves.add(part.trim());
  }
  return halves;
}
