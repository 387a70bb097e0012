import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

export const COMMAND = '/spec-template';

export type CommandName = 'help' | 'check' | 'new' | 'fill' | 'skip' | 'waive' | 'unwaive';

export type Command = { name: CommandName; argument: string } | { name: 'unknown'; word: string };

const NAMES: readonly CommandName[] = ['help', 'check', 'new', 'fill', 'skip', 'waive', 'unwaive'];
const LINE = /^\/spec-template(?:[ \t]+(\S+)(?:[ \t]+(.*))?)?[ \t]*$/;

/**
 * The first `/spec-template` line of a comment, read from the parsed markdown: a command
 * quoted from someone else (`>`), shown in a code block, or inside inline code is not a command.
 */
export function parseCommand(comment: string): Command | undefined {
  const tree = fromMarkdown(comment);
  const lines = comment.split(/\r\n|\r|\n/);
  let found: Command | undefined;
  const visit = (node: Nodes): void => {
    if (found || node.type === 'blockquote' || node.type === 'code' || node.type === 'html') return;
    if (node.type === 'paragraph') {
      const start = node.position?.start.line ?? 1;
      const end = node.position?.end.line ?? start;
      for (let line = start; line <= end && !found; line++) found = commandOn(lines[line - 1] ?? '');
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

function commandOn(line: string): Command | undefined {
  const match = LINE.exec(line.trim());
  if (!match) return undefined;
  const word = (match[1] ?? 'help').toLowerCase();
  const argument = (match[2] ?? '').trim();
  return (NAMES as readonly string[]).includes(word) ? { name: word as CommandName, argument } : { name: 'unknown', word: match[1] ?? '' };
}

export const USAGE = [
  '| command | who | what it does |',
  '| --- | --- | --- |',
  '| `/spec-template` or `/spec-template help` | anyone | this help, the template, and the missing sections of each failing spec, ready to paste |',
  '| `/spec-template check` | anyone | checks the specs again on the current head |',
  '| `/spec-template new PATH` | write access | commits a new spec at PATH on this branch, from the template |',
  '| `/spec-template fill PATH` | write access | commits the missing sections into PATH, leaving its text as it is |',
  '| `/spec-template skip REASON` | write, maintain or admin | passes the check for the current head, with the reason shown |',
  '| `/spec-template waive SECTION [in PATH] — REASON` | as `waivers.allowed` says (default: maintain) | turns the section\'s findings into notices, recorded with your name and reason, until the section changes |',
  '| `/spec-template unwaive SECTION [in PATH]` | as `waivers.allowed` says | ends that waiver |',
].join('\n');
