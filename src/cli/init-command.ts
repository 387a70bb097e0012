import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { builtinTemplate } from '../config/builtin-template.js';
import { CONFIG_PATH } from './workspace.js';

export const STARTER_TEMPLATE_PATH = 'docs/specs/TEMPLATE.md';

const STARTER_CONFIG = `# specgate: which files are specs, and which template they follow.
# Every key and its default: docs/configuration.md. Editors can check this file against schema/specgate.schema.json.
paths:
  - docs/specs/**/*.md
template: ${STARTER_TEMPLATE_PATH}

# sections:
#   Security:
#     min_words: 30
#   Open Questions:
#     required: false
`;

/** Writes a starter configuration and template; never overwrites a file that exists. */
export function runInit(root: string): string[] {
  const files: Array<[string, string]> = [
    [CONFIG_PATH, STARTER_CONFIG],
    [STARTER_TEMPLATE_PATH, builtinTemplate()],
  ];
  return files.map(([path, text]) => {
    const absolute = resolve(root, path);
    if (existsSync(absolute)) return `exists, left as it is: ${path}`;
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text, { flag: 'wx' });
    return `created ${path}`;
  });
}
