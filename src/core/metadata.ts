import type { Block, SpecDocument, SpecSection } from './types.js';

/** One metadata value of a spec, with the 1-based line it was read from and the key that named it. */
export interface MetadataField {
  key: string;
  value: string;
  line: number;
}

/**
 * The first of `keys` (matched case-insensitively) that the spec states about itself, where
 * specs write such things: the front matter (`status: Draft`, TOML `status = "Draft"`), a line
 * before the first section (`Status: Accepted`, `* Status: Draft`, `**Date:** 2019-01-01`), a
 * table row (`| Status | Final |`), or a section named after the key (`## Status` / `Accepted`,
 * as Nygard's ADRs write it). Front matter wins, then the order of `keys`.
 */
export function metadataField(document: SpecDocument, keys: readonly string[]): MetadataField | undefined {
  const wanted = keys.map((key) => key.toLowerCase());
  const candidates = [...frontMatterFields(document), ...preambleFields(document), ...sectionFields(document, wanted)];
  for (const key of wanted) {
    const found = candidates.find((field) => field.key === key && field.value !== '');
    if (found) return found;
  }
  return undefined;
}

/** Plain `key: value` (YAML) and `key = value` (TOML) lines at the top level of the front matter. */
function frontMatterFields(document: SpecDocument): MetadataField[] {
  if (!document.frontMatter) return [];
  const fields: MetadataField[] = [];
  // The front matter's lines follow its opening fence, which is line 1.
  document.frontMatter.value.split(/\r?\n|\r/).forEach((text, index) => {
    const match = /^([A-Za-z][\w -]*?)\s*[:=]\s*(.*)$/.exec(text);
    if (match) fields.push({ key: match[1]!.toLowerCase(), value: cleanValue(match[2]!.replace(/\s+#.*$/, '')), line: index + 2 });
  });
  return fields;
}

const READABLE = new Set(['paragraph', 'list', 'table']);

/**
 * `Key: value` lines and `| Key | value |` rows before the first section: the document's own
 * preamble, and the text under a title heading whose sub-sections hold the document.
 */
function preambleFields(document: SpecDocument): MetadataField[] {
  const title = document.sections.length === 1 && document.sections[0]!.children.length > 0 ? document.sections[0]!.blocks : [];
  return [...document.preamble, ...title].filter((block) => READABLE.has(block.type)).flatMap((block) => blockFields(block, document.lines));
}

function blockFields(block: Block, lines: readonly string[]): MetadataField[] {
  const fields: MetadataField[] = [];
  for (let line = block.line; line <= block.endLine; line++) {
    const text = lines[line - 1]!.trim();
    const row = /^\|?\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|?\s*$/.exec(text);
    const plain = /^(?:[*+-]\s+|\d+[.)]\s+)?(.+)$/.exec(text)![1]!.replace(/[*_]{1,2}/g, '');
    const pair = /^([A-Za-z][\w -]*?)\s*:\s*(.*)$/.exec(plain);
    if (block.type === 'table' && row) fields.push({ key: stripMarkup(row[1]!).toLowerCase(), value: cleanValue(stripMarkup(row[2]!)), line });
    else if (pair) fields.push({ key: pair[1]!.toLowerCase(), value: cleanValue(pair[2]!), line });
  }
  return fields;
}

/** A section whose heading is one of the keys: its first line of content is the value. */
function sectionFields(document: SpecDocument, keys: readonly string[]): MetadataField[] {
  return document.all.flatMap((section: SpecSection) => {
    const key = section.heading.text.trim().toLowerCase();
    const block = section.blocks.find((candidate) => candidate.isContent && READABLE.has(candidate.type));
    if (!keys.includes(key) || !block) return [];
    return [{ key, value: cleanValue(stripMarkup(/^(?:[*+-]\s+)?(.*)$/.exec(document.lines[block.line - 1]!.trim())![1]!)), line: block.line }];
  });
}

function stripMarkup(text: string): string {
  return text.replace(/[*_`]/g, '').trim();
}

function cleanValue(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? quoted[2]! : trimmed).trim();
}
