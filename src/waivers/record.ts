/**
 * Where waivers live: a hidden record in the app's sticky comment on the pull request, one JSON
 * list in an HTML comment. Only the app writes it; GitHub keeps the comment's edit history, and
 * every waive and unwaive is also answered by its own reply, so the record can be audited.
 */
import type { Waiver } from './waivers.js';

const RECORD = /\n?<!-- specgate:waivers (\[.*?\]) -->/s;
/** Enough for any real pull request; a record is never allowed to grow without bound. */
export const MAX_WAIVERS = 50;

/** The waivers a comment records; none when it has no record or the record cannot be read. */
export function readWaivers(body: string | undefined): Waiver[] {
  const match = body === undefined ? null : RECORD.exec(body);
  if (!match) return [];
  try {
    const value: unknown = JSON.parse(match[1]!);
    return Array.isArray(value) ? value.filter(isWaiver) : [];
  } catch {
    return [];
  }
}

/** The comment's body with this record of waivers (none: no record at all). */
export function withWaivers(body: string, waivers: readonly Waiver[]): string {
  const bare = body.replace(RECORD, '').replace(/\n$/, '');
  if (waivers.length === 0) return `${bare}\n`;
  return `${bare}\n<!-- specgate:waivers ${encode(JSON.stringify(waivers.slice(-MAX_WAIVERS)))} -->\n`;
}

// A reason may hold `-->`, which would end the HTML comment early: escape what could.
function encode(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/--/g, '-\\u002d');
}

function isWaiver(value: unknown): value is Waiver {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['path', 'section', 'by', 'reason', 'at', 'contentHash'].every((key) => typeof record[key] === 'string');
}
