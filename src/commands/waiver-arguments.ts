/**
 * The words after `/spec-template waive` and `unwaive`: `SECTION [in PATH] — REASON`. The dash
 * may be an em dash, `--` or `-` with spaces around it; the section may be quoted.
 */
export interface WaiverArguments {
  section: string;
  path?: string;
  reason: string;
}

const DASH = /\s+(?:—|–|--|-)(?:\s+|$)/u;
// " in PATH" at the end, where PATH looks like a path: a slash or a .md file. "Changes in behaviour" stays a section.
const IN_PATH = /^(.*?)\s+in\s+(`?[^\s`]*(?:\/|\.md)[^\s`]*`?)$/iu;

export function parseWaiverArguments(argument: string): WaiverArguments | { problem: string } {
  const dash = DASH.exec(argument);
  const target = (dash ? argument.slice(0, dash.index) : argument).trim();
  const reason = dash ? argument.slice(dash.index + dash[0].length).trim() : '';
  const inPath = IN_PATH.exec(target);
  const section = unquote(inPath ? inPath[1]! : target);
  if (section === '') return { problem: 'Name the section: `/spec-template waive SECTION [in PATH] — REASON`.' };
  const parsed: WaiverArguments = { section, reason };
  if (inPath) parsed.path = inPath[2]!.replace(/^`|`$/g, '');
  return parsed;
}

function unquote(text: string): string {
  return text.trim().replace(/^(["'“])(.*)(["'”])$/u, '$2').trim();
}
