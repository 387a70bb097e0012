import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { builtinTemplate } from '../config/builtin-template.js';
import { CONFIG_NAMES, findProject } from '../config/discover.js';
import { CONFIGURATION_DOCS, SCHEMA_URL } from './docs-url.js';

export const STARTER_TEMPLATE_PATH = 'docs/specs/TEMPLATE.md';

const STARTER_CONFIG = `# yaml-language-server: $schema=${SCHEMA_URL}
# specgate: which files are specs, and which template they follow.
# Every key and its default: ${CONFIGURATION_DOCS}
paths:
  - docs/specs/**/*.md
template: ${STARTER_TEMPLATE_PATH}

# sections:
#   Security:
#     min_words: 30
#   Open Questions:
#     required: false
`;

/**
 * Writes a starter configuration and template at the repository root (wherever in it specgate
 * runs), never overwriting a file that exists, and says what to do next.
 */
export function runInit(cwd: string): string {
  const project = findProject(cwd);
  const configFile = project.configFile ?? resolve(project.root, CONFIG_NAMES[0]);
  const files: Array<[string, string]> = [
    [configFile, STARTER_CONFIG],
    [resolve(project.root, STARTER_TEMPLATE_PATH), builtinTemplate()],
  ];
  const lines = files.map(([absolute, text]) => {
    const shown = relative(cwd, absolute);
    if (existsSync(absolute)) return `exists, left as it is: ${shown}`;
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text, { flag: 'wx' });
    return `created ${shown}`;
  });
  const example = relative(cwd, resolve(project.root, 'docs/specs/my-feature.md'));
  lines.push(
    '',
    'Next:',
    `  specgate new ${example}   writes a spec from the template`,
    '  specgate check   checks every spec',
    `Configuration reference: ${CONFIGURATION_DOCS}`,
  );
  return `${lines.join('\n')}\n`;
}
