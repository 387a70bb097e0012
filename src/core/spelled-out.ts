import { proseKey } from './normalize.js';
import type { TemplateSection } from './template.js';

/**
 * Placeholders written out in words: a paragraph or bullet that says only "To be determined.",
 * "Coming soon" or "Needs discussion." holds nothing yet. Compared on the normalised text of a
 * whole unit, so the words inside a real sentence never count.
 */
const SPELLED_OUT = new RegExp(
  '^(?:' +
    [
      // TBD, TODO and the like are tokens (see placeholders.ts), which the configuration may change.
      'tba|tbc|to do|wip',
      'to be (?:determined|decided|defined|done|added|written|completed|confirmed|announced|discussed|filled in|filled out|provided|updated|specified|documented|clarified|agreed|finali[sz]ed|expanded|elaborated)',
      '(?:will be|to be)? ?(?:added|written|filled in|completed|provided|updated|documented|expanded) (?:later|soon)',
      'coming soon|needs? (?:more |further )?discussion|needs? (?:to be )?(?:filled in|written)',
      'work in progress|under construction|not yet written|placeholder|lorem ipsum(?: .*)?',
    ].join('|') +
    ')(?: (?:later|soon|for now|yet))?$',
  'u',
);

// "N/A", "NA", "Not applicable", "None applicable": an answer where the template allows one.
const NOT_APPLICABLE = /^(?:n a|na|not applicable|none applicable|does not apply)$/u;

// The template itself offers "N/A" as an answer ("write N/A if …", "(if applicable)", "if any"),
// or says when the section does not apply ("if they are not necessary, explain why", "must be
// completed when targeting beta", "not required until …"), or that a one-line "nothing here" will
// do ("you may simply state that you cannot think of anything", "if there are none, say so").
const ALLOWS_NOT_APPLICABLE =
  /\bN\/A\b|not applicable|\b(?:may|can) (?:simply |just )?(?:state|say|write|answer)\b|\bsay so\b|\bif (?:any|none|applicable|needed|necessary|relevant)\b|does(?: not|n[’']t) apply|\bnot (?:necessary|needed|required|useful|relevant)\b|\b(?:required|needed|completed|filled(?: in)?) (?:when|if|once|until|before)\b/iu;
// A question ("What are other known failure modes?") is answered by "N/A"; an instruction ("Describe the API.") is not.
const QUESTION = /\?(?:\s|$|\*|_|\)|-->)/u;

// Longer than any phrase above: a sentence of the author's, not worth normalising.
const LONGEST = 60;

/** The unit, whole, is a placeholder in words. */
export function isSpelledOutPlaceholder(unit: string, keyOf: (text: string) => string = proseKey): boolean {
  return unit.length <= LONGEST && SPELLED_OUT.test(keyOf(unit));
}

/** The unit, whole, says "N/A". */
export function isNotApplicable(unit: string, keyOf: (text: string) => string = proseKey): boolean {
  return unit.length <= LONGEST && NOT_APPLICABLE.test(keyOf(unit));
}

/**
 * "N/A" is a fair answer to a section whose template asks a question (in its heading or its
 * guidance) or says so ("if applicable", "write N/A if …"); a condition on a section above it
 * ("not required until targeted at a release") holds for its sub-sections too.
 */
export function allowsNotApplicable(section: TemplateSection): boolean {
  // Asked for every section of every spec; the answer depends on the template alone.
  let allows = allowing.get(section);
  if (allows === undefined) allowing.set(section, (allows = readsAllowing(section)));
  return allows;
}

const allowing = new WeakMap<TemplateSection, boolean>();

function readsAllowing(section: TemplateSection): boolean {
  if (QUESTION.test(`${section.heading} `) || QUESTION.test(section.guidance)) return true;
  for (let at: TemplateSection | undefined = section; at; at = at.parent) if (ALLOWS_NOT_APPLICABLE.test(at.guidance)) return true;
  return false;
}
