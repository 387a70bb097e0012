/**
 * Audited waivers: a person allowed by `waivers.allowed` excuses one section of one spec, with a
 * reason. Pure: the app reads and writes the record (src/waivers/record.ts) and asks GitHub who
 * may waive; this module only judges which findings a waiver covers.
 */
import { createHash } from 'node:crypto';
import { headingKey } from '../core/normalize.js';
import { parseSpec } from '../core/parse.js';
import type { Finding, SpecDocument } from '../core/types.js';

export interface Waiver {
  path: string;
  /** The section as the findings name it (the template's spelling). */
  section: string;
  by: string;
  reason: string;
  /** ISO time of the waive command. */
  at: string;
  /** sha256 of the section's lines when it was waived: another text ends the waiver. */
  contentHash: string;
}

/** A section found by its name or one of its aliases, whatever the heading's numbering or case. */
export function sectionHash(text: string, section: string, aliases: readonly string[] = []): string {
  return sectionHashIn(readable(text), section, aliases);
}

/** The spec parsed once for all the hashes taken of it; undefined when it cannot be read. */
function readable(text: string): SpecDocument | undefined {
  try {
    return parseSpec(text);
  } catch {
    return undefined;
  }
}

function sectionHashIn(document: SpecDocument | undefined, section: string, aliases: readonly string[]): string {
  const keys = new Set([section, ...aliases].map(headingKey));
  let content = '(unreadable)';
  if (document) {
    const found = document.all.find((candidate) => keys.has(headingKey(candidate.heading.text)));
    content = found ? document.lines.slice(found.heading.line - 1, found.endLine).join('\n') : '(absent)';
  }
  return createHash('sha256').update(content).digest('hex');
}

export function sameSection(a: Pick<Waiver, 'path' | 'section'>, b: Pick<Waiver, 'path' | 'section'>): boolean {
  return a.path === b.path && headingKey(a.section) === headingKey(b.section);
}

export interface WaivedFile {
  findings: Finding[];
  /** Waivers that still hold and covered a finding here. */
  applied: Waiver[];
  /** Waivers whose section has changed since: no longer in force. */
  lapsed: Waiver[];
}

/**
 * The file's findings with each one in a waived section turned into a notice that says who
 * waived it and why. A waiver holds while the section's text is what it was when waived.
 */
export function applyWaivers(
  file: { path: string; findings: readonly Finding[]; text?: string },
  waivers: readonly Waiver[],
  aliasesOf: (section: string) => readonly string[] = () => [],
): WaivedFile {
  const applied: Waiver[] = [];
  const lapsed: Waiver[] = [];
  let findings = [...file.findings];
  const mine = waivers.filter((candidate) => candidate.path === file.path);
  const document = file.text === undefined || mine.length === 0 ? undefined : readable(file.text);
  for (const waiver of mine) {
    if (file.text === undefined || sectionHashIn(document, waiver.section, aliasesOf(waiver.section)) !== waiver.contentHash) {
      lapsed.push(waiver);
      continue;
    }
    applied.push(waiver);
    findings = findings.map((finding) =>
      headingKey(finding.section) === headingKey(waiver.section) && finding.severity !== 'notice'
        ? { ...finding, severity: 'notice', message: `Waived by @${waiver.by}: ${waiver.reason} (${finding.message})` }
        : finding,
    );
  }
  return { findings, applied, lapsed };
}

/** The check summary's lines about waivers: those in force and those the section's change ended. */
export function waiverSummary(applied: readonly Waiver[], lapsed: readonly Waiver[]): string[] {
  return [
    ...applied.map((waiver) => `\`${waiver.path}\` "${waiver.section}": waived by @${waiver.by} on ${waiver.at.slice(0, 10)}: ${waiver.reason}`),
    ...lapsed.map((waiver) => `\`${waiver.path}\` "${waiver.section}": the waiver by @${waiver.by} no longer applies: the section has changed since ${waiver.at.slice(0, 10)}`),
  ];
}
