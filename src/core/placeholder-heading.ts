/**
 * Template headings that are themselves placeholders: `### {title of option 1}` (MADR),
 * `## <Option name>`, `## [Feature name]`, `### User Story 1 - [Brief Title]` (spec-kit), or a
 * heading that is only a comment (`# <!-- short title -->`, MADR's bare template). They stand
 * for "the author's own headings here", never for a heading to copy.
 */
import { htmlTagNames } from 'html-tag-names';
import { withoutRequirementMark } from './normalize.js';

const HTML_ELEMENTS = new Set(htmlTagNames);
// Words in braces or brackets, as a blank to fill: not `{#anchor}` attributes, not a `[x]` box.
const CURLY = /\{\s*\p{L}[^{}]*\}/u;
const SQUARE = /\[[^[\]]*\p{L}{2}[^[\]]*\](?![([:])/u;
// `<Option name>`: words, no attribute values, no closing tag; mdast reads it as an HTML tag,
// so the heading's text loses it and only the source line still has it.
// Never glued to a word before it: `Option<T>` is a type.
const ANGLE = /(?<![\p{L}\p{N}_<])<(\p{L}[\p{L}\p{N} _.,-]*)>/gu;
const INLINE_CODE = /(`+)(?:[^`]|`(?!\1))*?\1/g;
const ATX_MARKS = /^\s{0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$/gm;

/**
 * @param text the heading's text, as the parser reads it (inline HTML and comments removed)
 * @param source the heading's source line, markup included (an ATX heading's, or a setext heading's text line)
 */
export function isPlaceholderHeading(text: string, source: string): boolean {
  if (text.trim() === '' && source.includes('<!--')) return true;
  // Code in a heading is code (`Option<T>`, `{}`), and emphasis only wraps a mark (`*(optional)*`).
  const markup = withoutRequirementMark(source.replace(ATX_MARKS, '').replace(INLINE_CODE, ' ').replace(/\*+/g, ''));
  if (CURLY.test(markup) || SQUARE.test(markup)) return true;
  for (const match of markup.matchAll(ANGLE)) {
    const inside = match[1]!.trim();
    const name = inside.split(' ')[0]!.toLowerCase();
    const closed = markup.toLowerCase().includes(`</${name}`, match.index);
    // A real element in a heading has attributes with values or a closing tag; a lone `<details>` is markup too.
    if (!closed && (inside.includes(' ') || !HTML_ELEMENTS.has(name))) return true;
  }
  return false;
}
