import type { Finding } from './types.js';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export type Decoded = { text: string; finding?: undefined } | { text?: undefined; finding: Finding };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of a spec file to text, or the one finding that explains why it cannot be checked.
 * A size cap keeps one huge file from stalling a check that a whole team waits on.
 */
export function decodeSpec(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.byteLength > maxBytes) {
    return fileFinding('file-too-large', `The file is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(maxBytes)} limit, so it was not checked. Split it, or raise max_file_size.`);
  }
  if (bytes.includes(0)) return fileFinding('not-text', 'The file holds NUL bytes: it looks binary, not markdown, so it was not checked.');
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return fileFinding('not-text', 'The file is not valid UTF-8, so it was not checked. Save it as UTF-8.');
  }
}

function fileFinding(rule: Finding['rule'], message: string): Decoded {
  return { finding: { rule, severity: 'error', section: '(file)', line: 1, message } };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
