/**
 * The layering the README's "Architecture" section describes, as a table: each folder of `src`
 * and the folders it may import from. A folder may always import its own modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const BELOW_RENDER = ['core', 'config', 'verdict'];

export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  config: ['core'],
  verdict: ['core', 'config'],
  render: [...BELOW_RENDER],
  // The pull request commands' grammar: text in, a command out.
  commands: [...BELOW_RENDER, 'render'],
  pipeline: [...BELOW_RENDER],
  // Section waivers: the record, its hashes, CODEOWNERS matching; pure, over the core.
  waivers: ['core'],
  github: [...BELOW_RENDER, 'render', 'pipeline'],
  // The three doors: each may use every layer, none another door.
  app: [...BELOW_RENDER, 'render', 'commands', 'pipeline', 'github', 'waivers', 'types'],
  action: [...BELOW_RENDER, 'render', 'pipeline', 'github'],
  cli: [...BELOW_RENDER, 'render', 'pipeline', 'waivers'],
  // The app behind a serverless function instead of a server.
  serverless: ['app'],
  types: [],
};

export interface Import {
  /** The importing file, relative to the repository root, with `/`. */
  file: string;
  /** The specifier as written. */
  specifier: string;
}

// Static `import … from`, `export … from`, bare `import '…'` and dynamic `import('…')`.
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(IMPORT)].map((match) => ({ file, specifier: (match[1] ?? match[2] ?? match[3])! }));
}

/** The `src` folder a repository path is in (`src/cli/main.ts` → `cli`), or undefined outside `src`. */
function layerOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** Each import that goes against the table, as "file: imports 'specifier' (layer → layer)". */
export function violations(imports: readonly Import[]): string[] {
  const found: string[] = [];
  for (const { file, specifier } of imports) {
    if (!specifier.startsWith('.')) continue;
    const from = layerOf(file);
    const to = layerOf(posix.normalize(posix.join(posix.dirname(file), specifier)));
    if (from === undefined) continue;
    if (to === undefined) {
      found.push(`${file}: imports '${specifier}', outside src`);
      continue;
    }
    if (to === from) continue;
    const allowed = ALLOWED[from];
    if (allowed === undefined) found.push(`${file}: the folder src/${from} has no row in the layer table`);
    else if (!allowed.includes(to)) found.push(`${file}: imports '${specifier}' (${from} may not import ${to})`);
  }
  return found;
}

/** Every import of every .ts file under `src`. */
export function sourceImports(root: string): Import[] {
  const files = (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter((name) => name.endsWith('.ts'));
  return files.flatMap((name) => {
    const path = join(root, 'src', name);
    return importsOf(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  });
}

