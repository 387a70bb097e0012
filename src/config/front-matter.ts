/**
 * The template a spec names in its front matter (`template: adr`). Read with a line scan of the
 * front matter block, not a YAML parser: a spec is the pull request author's text, and only this
 * one plain key matters before the spec is checked.
 */

/** How far into a spec the front matter is looked for. */
const SCAN_BYTES = 64 * 1024;

export interface DeclaredTemplate {
  name: string;
  /** The 1-based line of the `template:` key. */
  line: number;
}

const latin = new TextDecoder('utf-8');

/**
 * YAML (`---` fences) or TOML (`+++` fences) front matter at the very start of the file, as the
 * markdown parser reads it; `template: name`, `template: "name"` or `template = "name"`.
 */
export function declaredTemplate(spec: string | Uint8Array): DeclaredTemplate | undefined {
  const text = typeof spec === 'string' ? spec.slice(0, SCAN_BYTES) : latin.decode(spec.subarray(0, SCAN_BYTES));
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const fence = lines[0]?.trimEnd();
  if (fence !== '---' && fence !== '+++') return undefined;
  const key = fence === '---' ? /^template\s*:\s*(.*)$/ : /^template\s*=\s*(.*)$/;
  const end = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === fence || (fence === '---' && line.trimEnd() === '...')));
  // An unclosed fence is not front matter.
  if (end < 0) return undefined;
  for (let index = 1; index < end; index++) {
    const match = key.exec(lines[index]!);
    if (!match) continue;
    const name = unquote(match[1]!.replace(/\s+#.*$/, '').trim());
    return name === '' ? undefined : { name, line: index + 1 };
  }
  return undefined;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]!.trim() : value;
}
